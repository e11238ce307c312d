import type { StateCreator } from 'zustand';

/** Media state as the HUD shows it: off (no media here), connecting, live, unavailable (server down or refused). */
export type MediaLinkStatus = 'off' | 'connecting' | 'live' | 'unavailable';

/** The store's media slice: link status, whether the member listens / talks, and who speaks now. */
export interface MediaSlice {
  mediaStatus: MediaLinkStatus;
  /** The member tapped "listen" (nothing plays sound before). */
  listening: boolean;
  /** The member's microphone is on (only after their click). */
  micOn: boolean;
  /** Member ids speaking now (audio level events). */
  speaking: readonly string[];
  /** Why media is unavailable (a refusal code of the token route), for a translated line. */
  mediaError: string | undefined;
  setMediaStatus: (status: MediaLinkStatus, error?: string) => void;
  setListening: (on: boolean) => void;
  setMicOn: (on: boolean) => void;
  setSpeaking: (memberIds: readonly string[]) => void;
}

/** The media slice, spread into the app store (`...createMediaSlice(...a)`). */
export const createMediaSlice: StateCreator<MediaSlice, [], [], MediaSlice> = (set) => ({
  mediaStatus: 'off',
  listening: false,
  micOn: false,
  speaking: [],
  mediaError: undefined,
  setMediaStatus: (mediaStatus, mediaError) => set({ mediaStatus, mediaError }),
  setListening: (listening) => set({ listening }),
  setMicOn: (micOn) => set({ micOn }),
  setSpeaking: (speaking) => set({ speaking }),
});
