import { create } from 'zustand';

/** Who may put a video on the big screen; the first one holding a video wins: live camera, then HLS, then text. */
export type ScreenSourceKind = 'camera' | 'hls';

interface ScreenSourceState {
  /** The stage's live camera (client/hall/media) while subscribed; null otherwise. */
  camera: HTMLVideoElement | null;
  /** The host's HLS video (client/hall/screenVideo) while playing; null otherwise. */
  hls: HTMLVideoElement | null;
  setScreenVideo: (kind: ScreenSourceKind, video: HTMLVideoElement | null) => void;
}

/** What the big screen shows: a small store of its own, so the camera and HLS parts never import each other. */
export const useScreenSource = create<ScreenSourceState>()((set) => ({
  camera: null,
  hls: null,
  setScreenVideo: (kind, video) => set({ [kind]: video }),
}));

/** The video the big screen shows now (live camera over HLS); null: the text screen. */
export function screenVideo(state: Pick<ScreenSourceState, 'camera' | 'hls'>): HTMLVideoElement | null {
  return state.camera ?? state.hls;
}
