import { create } from 'zustand';
import type { ScreenVideoRefusal, ScreenVideoState } from '../../../shared/protocol/screen-video.ts';

/** The big screen's video as this client knows it, with the offset from its clock to the server's. */
interface ScreenVideoStore {
  video: ScreenVideoState | null;
  /** serverNow - Date.now() at the last state received (ms). */
  offsetMs: number;
  refusal: ScreenVideoRefusal | null;
  /** The element playing it, for the big screen's texture (stage helper's EventScreen reads it). */
  element: HTMLVideoElement | null;
  receive(state: ScreenVideoState): void;
  refuse(code: ScreenVideoRefusal | null): void;
  setElement(element: HTMLVideoElement | null): void;
}

/** Shared by the host's control and every member's player so one hall message reaches both. */
export const useScreenVideoStore = create<ScreenVideoStore>((set) => ({
  video: null,
  offsetMs: 0,
  refusal: null,
  element: null,
  receive: (state) =>
    set({ video: state.url ? state : null, offsetMs: state.serverNow - Date.now(), refusal: null }),
  refuse: (code) => set({ refusal: code }),
  setElement: (element) => set({ element }),
}));

/** The playing video element, or null: what the big screen draws instead of its text when set. */
export function screenVideoElement(): HTMLVideoElement | null {
  return useScreenVideoStore.getState().element;
}
