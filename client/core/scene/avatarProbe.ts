/** What one avatar was drawn with in the last frame: its level of detail and its per-instance attributes. */
export interface AvatarSample {
  detail: 'near' | 'far';
  /** aMotion: walk phase, walk amount, emote (1 wave, 2 clap, 3 cheer, 0 none), seconds into the emote. */
  motion: number[];
  /** aStyle: build, outfit, hair, wear kind (indices of shared/avatar-look.ts; wear 1 cap, 2 badge). */
  style: number[];
}

let reader: (() => Record<string, AvatarSample>) | null = null;

/** The avatar meshes register how to read what they drew; the test hooks read it on demand. */
export function registerAvatarProbe(read: (() => Record<string, AvatarSample>) | null): void {
  reader = read;
}

/** Every drawn avatar by sessionId (window.__layover.avatars() on test pages); empty when none is drawn. */
export function avatarSamples(): Record<string, AvatarSample> {
  return reader?.() ?? {};
}
