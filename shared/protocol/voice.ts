import { z } from 'zod';

/** A member starts hearing within earshot at this distance, in metres. */
export const EARSHOT_ENTER_M = 12;
/** A speaker already heard stays subscribed up to this distance, so the edge does not flicker. */
export const EARSHOT_LEAVE_M = 15;
/** At most this many speakers are subscribed per listener (nearest first): the cost per member is bounded. */
export const EARSHOT_MAX_SPEAKERS = 12;
/** How often the server recomputes every listener's earshot, per second. */
export const EARSHOT_RATE_HZ = 3;

const memberId = z.string().min(1).max(64);

/** Join the lounge's voice: the server starts sending this member the speakers within earshot. */
export const VoiceJoin = z.strictObject({});
export type VoiceJoin = z.infer<typeof VoiceJoin>;

/** Leave the lounge's voice: no more earshot updates, and no one hears this member. */
export const VoiceLeave = z.strictObject({});
export type VoiceLeave = z.infer<typeof VoiceLeave>;

export const VOICE_MODERATIONS = ['mute', 'unmute', 'remove'] as const;
export type VoiceModeration = (typeof VOICE_MODERATIONS)[number];

/** Brand staff only: mute, unmute or remove a speaker of this lounge instance (checked on the server by role). */
export const VoiceModerate = z.strictObject({ memberId, action: z.enum(VOICE_MODERATIONS) });
export type VoiceModerate = z.infer<typeof VoiceModerate>;

export const VOICE_REPORT_REASONS = ['abuse', 'spam', 'noise', 'other'] as const;

/** Report a speaker to staff (a member in the same lounge instance's voice). */
export const VoiceReport = z.strictObject({ memberId, reason: z.enum(VOICE_REPORT_REASONS) });
export type VoiceReport = z.infer<typeof VoiceReport>;

/** Client -> server voice messages of the lounge rooms. */
export const VoiceClientMessages = {
  voiceJoin: VoiceJoin,
  voiceLeave: VoiceLeave,
  voiceModerate: VoiceModerate,
  voiceReport: VoiceReport,
} as const;

/**
 * One speaker a listener should subscribe to: the member, their avatar's session in the room state, and the Janus
 * feed id the server issued them in this lounge's media room (absent while they have none: no media, no token yet).
 */
export interface EarshotSpeaker {
  memberId: string;
  sessionId: string;
  feedId?: number;
}

/** Codes the client translates; the server never sends prose. */
export const VOICE_NOTICE_CODES = [
  'notStaff',
  'notInVoice',
  'removedFromVoice',
  'mutedByStaff',
  'unmutedByStaff',
  'reported',
  'reportRateLimited',
  'moderated',
] as const;
export type VoiceNoticeCode = (typeof VOICE_NOTICE_CODES)[number];

/** Server -> client voice messages of the lounge rooms. */
export interface VoiceServerMessages {
  /** The speakers within this listener's earshot, nearest first; sent whenever the set or a feed id changes. */
  voiceEarshot: { speakers: EarshotSpeaker[] };
  /**
   * What the server decided about this member's own voice: speak, muted by staff, or removed; `staff` when this
   * member may moderate the lounge's voice (the client then shows mute and remove beside each speaker).
   */
  voiceSelf: { state: 'speaking' | 'muted' | 'removed'; staff: boolean };
  voiceNotice: { code: VoiceNoticeCode };
}
