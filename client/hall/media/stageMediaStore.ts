import { create } from 'zustand';

/** How this member's stage media stands: no link, connecting, up, reconnecting by itself, or not available here. */
export type StageLinkStatus = 'off' | 'connecting' | 'live' | 'reconnecting' | 'unavailable';

/** Why this member's own microphone or camera is not (fully) on the stage; shown in their language. */
export type StagePublishProblem =
  | 'noCamera'
  | 'denied'
  | 'noMicrophone'
  | 'publishFailed'
  | 'refused'
  | 'banned';

/** A stage feed this client receives: its stream (audio, and video for the host's camera) and its PeerConnection. */
export interface StageFeed {
  feedId: number;
  stream: MediaStream;
  pc: RTCPeerConnection;
}

interface StageMediaState {
  status: StageLinkStatus;
  problem: StagePublishProblem | undefined;
  /** The member pressed "Tap to listen" (nothing plays before). */
  listening: boolean;
  /** Feeds received now (replaced by new ones after a reconnect). */
  feeds: readonly StageFeed[];
  /** The PeerConnection publishing this member's microphone or camera; null when not publishing. */
  published: RTCPeerConnection | null;
  /** This member's own capture while live or on stage (the host sees their camera on the screen too). */
  local: MediaStream | null;
  set: (change: Partial<Omit<StageMediaState, 'set'>>) => void;
}

/** The stage's media on this client: link state, the listen choice and the feeds (client/hall/media only). */
export const useStageMediaStore = create<StageMediaState>()((set) => ({
  status: 'off',
  problem: undefined,
  listening: false,
  feeds: [],
  published: null,
  local: null,
  set: (change) => set(change),
}));
