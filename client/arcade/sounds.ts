import { useLayoverStore } from '../core/store.ts';

/** The arcade's sound effects, shipped in assets/sounds (synthesised by test/support/make-sounds.ts). */
export const SOUND_URLS = {
  throw: '/sounds/throw.wav',
  correct: '/sounds/correct.wav',
  wrong: '/sounds/wrong.wav',
  grab: '/sounds/grab.wav',
  tick: '/sounds/tick.wav',
  win: '/sounds/win.wav',
} as const;
export type SoundName = keyof typeof SOUND_URLS;

let context: AudioContext | null = null;
const buffers = new Map<SoundName, AudioBuffer>();
let loadStarted = false;

async function load(audio: AudioContext): Promise<void> {
  await Promise.all(
    (Object.keys(SOUND_URLS) as SoundName[]).map(async (name) => {
      try {
        const response = await fetch(SOUND_URLS[name]);
        buffers.set(name, await audio.decodeAudioData(await response.arrayBuffer()));
      } catch (error) {
        console.warn(`Layover: sound ${name} did not load`, error);
      }
    }),
  );
}

/**
 * Starts audio; call it from a click or key press (browsers keep audio locked until a user gesture, and the
 * arcade never plays before one). Loads the effects the first time.
 */
export function unlockSounds(): void {
  const AudioCtor = globalThis.AudioContext;
  if (!AudioCtor) return;
  try {
    context ??= new AudioCtor();
  } catch {
    return;
  }
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  if (loadStarted) return;
  loadStarted = true;
  void load(context);
}

/** Plays an effect unless the member muted the arcade or audio was never unlocked. */
export function playSound(name: SoundName, volume = 1): void {
  if (context?.state !== 'running' || useLayoverStore.getState().gamesMuted) return;
  const buffer = buffers.get(name);
  if (!buffer) return;
  const source = context.createBufferSource();
  source.buffer = buffer;
  if (volume >= 1) source.connect(context.destination);
  else {
    const gain = context.createGain();
    gain.gain.value = volume;
    source.connect(gain).connect(context.destination);
  }
  source.start();
}
