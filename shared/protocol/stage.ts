import { z } from 'zod';

// The live event's stage, written once: the ledger's snapshot (server/live-events/stage-snapshot.ts) and the client's
// view of the Colyseus Stage (client/hall/eventView.ts) are both built from these parts. shared/state/EventState.ts
// keeps the Schema class; test/unit/server-stage-schema.test.ts checks its field names against these.

/** A question from the audience (also the pinned one). */
export const StageQuestion = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  text: z.string(),
  at: z.number(),
});
export type StageQuestion = z.infer<typeof StageQuestion>;

/** A poll or a Gate Trivia question on the big screen, as every instance shares it. */
export const StagePoll = z.object({
  id: z.string(),
  kind: z.enum(['poll', 'trivia']),
  question: z.string(),
  options: z.array(z.string()),
  open: z.boolean(),
  /** Trivia: index of the right answer once the question closes; -1 otherwise. */
  correct: z.number().int(),
});

/** The drop the host released last, as the host set it. */
export const StageDrop = z.object({
  id: z.string(),
  prizeId: z.string(),
  mode: z.enum(['first', 'raffle']),
  supply: z.number().int(),
  /** Epoch ms the claim window closes. */
  closesAt: z.number(),
  /** Raffle: sha256 of the seed, shown when the drop opens. */
  commit: z.string(),
});

/** What the host changes on the stage: the same fields in the ledger and on every client. */
const StageShared = z.object({
  hostId: z.string(),
  hostName: z.string(),
  hostPresent: z.boolean(),
  announcement: z.string(),
  announcementSeq: z.number().int(),
  spotlightId: z.string(),
  spotlightName: z.string(),
});

/** The shared stage as the ledger keeps it and instances send it each other (with the trivia answer, never sent). */
export const StageSnapshot = StageShared.extend({
  poll: StagePoll.extend({
    /** Trivia: the right answer, revealed (as `correct`) when the question closes. */
    answer: z.number().int(),
  }),
  drop: StageDrop,
  pinned: StageQuestion,
  /** Member ids the host muted for this event. */
  muted: z.array(z.string()),
});
export type StageSnapshot = z.infer<typeof StageSnapshot>;

/** How far a drop has got: window open, closed, or a raffle's winners drawn. */
export const DropState = z.enum(['open', 'closed', 'drawn']);
export type DropState = z.infer<typeof DropState>;

/** The stage as a client reads it from the room (without the host's per-patch pose); empty parts read as null. */
export const StageView = StageShared.extend({
  eventId: z.string(),
  title: z.string(),
  hall: z.string(),
  /** scheduled | live | ended */
  status: z.string(),
  endsAt: z.number(),
  poll: StagePoll.extend({ tallies: z.array(z.number().int()) }).nullable(),
  drop: StageDrop.extend({
    claimed: z.number().int(),
    entrants: z.number().int(),
    state: DropState,
    /** Raffle: the seed itself once drawn. */
    seed: z.string(),
  }).nullable(),
  pinned: StageQuestion.nullable(),
});
export type StageView = z.infer<typeof StageView>;

/** Stage fields of the Colyseus Schema that no view carries: the host's pose goes to the scene directly. */
export const STAGE_POSE_FIELDS = ['hostX', 'hostZ', 'hostHeading'] as const;
