import { create } from 'zustand';
import type { ScreenVideoRefusal, ScreenVideoState } from '../../../shared/protocol/screen-video.ts';

/** The big screen's video as this client knows it, with the offset from its clock to the server's. */
interface ScreenVideoStore {
  video: ScreenVideoState | null;
  /** serverNow - Date.now() at the last state received (ms). */
  offsetMs: number;
  refusal: ScreenVideoRefusal | null;
  /** The member tapped to listen: kept while the host changes or stops the video, until they mute it again. */
  listening: boolean;
  receive(state: ScreenVideoState): void;
  refuse(code: ScreenVideoRefusal | null): void;
  setListening(listening: boolean): void;
}

/** Shared by the host's control and every member's player so one hall message reaches both. */
export const useScreenVideoStore = create<ScreenVideoStore>((set) => ({
  video: null,
  offsetMs: 0,
  refusal: null,
  listening: false,
  receive: (state) =>
    set({ video: state.url ? state : null, offsetMs: state.serverNow - Date.now(), refusal: null }),
  refuse: (code) => set({ refusal: code }),
  setListening: (listening) => set({ listening }),
}));
