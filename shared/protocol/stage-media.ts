import { z } from 'zod';

// Who is heard and seen on a live event's stage: the host live (microphone, camera), members the host invited on
// stage, and raised hands. Shared by every hall instance of the event (server/live-events/stage-media*.ts).

const memberId = z.string().min(1).max(64);

/** Audience messages about the stage's sound: raise a hand, answer the host's invitation, step down. */
export const StageMediaAudienceMessages = {
  stageRaiseHand: z.strictObject({ raised: z.boolean() }),
  stageAnswerInvite: z.strictObject({ accept: z.boolean() }),
  stageStepDown: z.strictObject({}),
  /** Asks for the current stage (a client that attached its listener after joining). */
  stageMediaSync: z.strictObject({}),
} as const;

/** Host messages: refused with `notHost` unless the sender holds the host role. */
export const StageMediaHostMessages = {
  stageGoLive: z.strictObject({ video: z.boolean() }),
  stageEndLive: z.strictObject({}),
  stageInvite: z.strictObject({ memberId }),
  stageEndMember: z.strictObject({ memberId }),
  stageMuteMember: z.strictObject({ memberId, muted: z.boolean() }),
} as const;

export type StageMediaAudienceType = keyof typeof StageMediaAudienceMessages;
export type StageMediaHostType = keyof typeof StageMediaHostMessages;
export type StageMediaAudienceMessage<T extends StageMediaAudienceType> = z.infer<
  (typeof StageMediaAudienceMessages)[T]
>;
export type StageMediaHostMessage<T extends StageMediaHostType> = z.infer<(typeof StageMediaHostMessages)[T]>;

/** Members on stage at once besides the host; more would be a panel, not a Q&A. */
export const MAX_ON_STAGE = 3;
/** Raised hands kept (oldest first); later ones wait until one is answered. */
export const MAX_HANDS = 20;

const StagePerson = z.object({ memberId: z.string(), name: z.string() });

/** The stage's sound and camera as every instance shares it and every client is sent it (`stageMedia`). */
export const StageMediaView = z.object({
  /** The host while live; null when the host is not live. */
  live: StagePerson.extend({ video: z.boolean() }).nullable(),
  /** Members whose microphone the host put live; `muted` by the host (their media stops, they stay listed). */
  onStage: z.array(StagePerson.extend({ muted: z.boolean() })).max(MAX_ON_STAGE),
  /** Members the host invited who have not answered yet. */
  invited: z.array(StagePerson).max(MAX_ON_STAGE),
  hands: z.array(StagePerson.extend({ at: z.number() })).max(MAX_HANDS),
  /** Bumped on each change, so a late copy never overwrites a newer one. */
  seq: z.number().int().nonnegative(),
});
export type StageMediaView = z.infer<typeof StageMediaView>;

/** Codes of stage notices the client translates (client/core/i18n/stage-media). */
export const STAGE_MEDIA_NOTICES = ['stageFull', 'notInvited', 'notHere', 'handLowered'] as const;
export type StageMediaNotice = (typeof STAGE_MEDIA_NOTICES)[number];

/** Server -> client messages of the stage's media. */
export interface StageMediaServerMessages {
  stageMedia: StageMediaView;
  stageMediaNotice: { code: StageMediaNotice };
}

/** Nobody live, nobody on stage, no hands up. */
export function emptyStageMedia(): StageMediaView {
  return { live: null, onStage: [], invited: [], hands: [], seq: 0 };
}
