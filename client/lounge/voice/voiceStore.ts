import { create } from 'zustand';
import type { EarshotSpeaker, VoiceNoticeCode } from '../../../shared/protocol/voice.ts';

/** Where the member's voice stands: off until they join; `unavailable` when the media server cannot be reached. */
export type VoiceStatus = 'off' | 'joining' | 'live' | 'micDenied' | 'unavailable';

/**
 * The voice's audio link to the media server: connecting, live, reconnecting (it was live and comes back by itself),
 * unavailable (never reached it, or the server runs without media: the earshot list still works), refused.
 */
export type VoiceMediaStatus = 'off' | 'connecting' | 'live' | 'reconnecting' | 'unavailable' | 'refused';

/** The lounge voice's state, beside its feature (zustand slices pattern): read by the HUD, written by net and mixer. */
export interface VoiceState {
  status: VoiceStatus;
  media: VoiceMediaStatus;
  /** Push-to-talk (hold V or the button) or open mic. */
  mode: 'pushToTalk' | 'openMic';
  /** The member muted themselves. */
  selfMuted: boolean;
  /** Push-to-talk held right now. */
  talking: boolean;
  /** What the server decided: speaking, muted by staff, or removed from this lounge's voice. */
  server: 'speaking' | 'muted' | 'removed';
  /** The server says this member is brand staff here: mute and remove show beside each speaker. */
  staff: boolean;
  /** Speakers this staff member muted in this lounge (to let them speak again; muted ones leave every earshot). */
  mutedByStaff: { memberId: string; name: string }[];
  /** Speakers within earshot (the server's list), nearest first. */
  earshot: EarshotSpeaker[];
  /** Members this member muted for themselves (by member id). */
  mutedByMe: string[];
  /** Members heard speaking now (by member id), for the indicator on the avatar. */
  speaking: string[];
  notice: VoiceNoticeCode | null;
  set(patch: Partial<Omit<VoiceState, 'set'>>): void;
  toggleMutedByMe(memberId: string): void;
}

export const initialVoiceState = {
  status: 'off',
  media: 'off',
  mode: 'pushToTalk',
  selfMuted: false,
  talking: false,
  server: 'speaking',
  staff: false,
  mutedByStaff: [],
  earshot: [],
  mutedByMe: [],
  speaking: [],
  notice: null,
} as const satisfies Partial<VoiceState>;

export const useVoiceStore = create<VoiceState>()((set) => ({
  ...initialVoiceState,
  mutedByStaff: [],
  earshot: [],
  mutedByMe: [],
  speaking: [],
  set: (patch) => set(patch),
  toggleMutedByMe: (memberId) =>
    set((state) => ({
      mutedByMe: state.mutedByMe.includes(memberId)
        ? state.mutedByMe.filter((id) => id !== memberId)
        : [...state.mutedByMe, memberId],
    })),
}));

/** True when the member's microphone should send now: live, allowed by staff, not self-muted, talking or open mic. */
export function micOpen(
  state: Pick<VoiceState, 'status' | 'server' | 'selfMuted' | 'mode' | 'talking'>,
): boolean {
  if (state.status !== 'live' || state.server !== 'speaking' || state.selfMuted) return false;
  return state.mode === 'openMic' || state.talking;
}
