import { z } from 'zod';
import { RoomGate } from '../content/gates.ts';
import { Prize } from '../content/prizes.ts';
import { Quest, Stamp, StatusLevel } from '../content/quest-schema.ts';
import { TriviaPack, type TriviaText } from '../content/trivia-schema.ts';

/**
 * Published content (issue 20): the whole bundle a brand edits, as one versioned document in the ledger. Validated by
 * the same schemas that check shared/content (which stays the seed of a new brand and of tests).
 */
export const ContentBundle = z.strictObject({
  quests: z.array(Quest),
  stamps: z.array(Stamp),
  prizes: z.array(Prize),
  gates: z.array(RoomGate),
  statusLevels: z.array(StatusLevel),
  triviaPacks: z.array(TriviaPack),
});
export type ContentBundle = z.infer<typeof ContentBundle>;

/** Kinds of item a console form edits; a draft names one item of one kind by id (a gate by its room). */
export const CONTENT_KINDS = ['quest', 'stamp', 'prize', 'gate', 'status', 'trivia'] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;

/** The bundle's list each kind lives in. */
export const CONTENT_LISTS = {
  quest: 'quests',
  stamp: 'stamps',
  prize: 'prizes',
  gate: 'gates',
  status: 'statusLevels',
  trivia: 'triviaPacks',
} as const satisfies Record<ContentKind, keyof ContentBundle>;

/** Draft and item ids: lowercase-dashed (a gate's id is its room name). */
export const CONTENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A draft body that removes the item on publish (a prize on chain cannot be removed: set `enabled: false`). */
export const ContentRemoval = z.strictObject({ remove: z.literal(true) });
export type ContentRemoval = z.infer<typeof ContentRemoval>;

/**
 * One edit: the item's whole new body (for a gate: its `rule`, as in GET's bundle's `gates[].rule`), or a removal.
 * PUT /api/console/content/:kind/:id takes the body; preview takes a list of these.
 */
export const ContentChange = z.strictObject({
  kind: ContentKind,
  id: z.string().regex(CONTENT_ID).max(64),
  body: z.unknown(),
});
export type ContentChange = z.infer<typeof ContentChange>;

/** One reason content is refused: the item (kind, id) and the field path inside it, in the bundle's words. */
export interface ContentIssue {
  kind: ContentKind;
  /** The item's id ('' for a rule about the whole list, such as "the first level needs 0 stamps"). */
  id: string;
  /** Dotted field path inside the item ('' for the item as a whole). */
  path: string;
  message: string;
}

/** 400 `invalidContent` body of preview, publish and rollback: what failed; nothing changed live. */
export interface ContentRefusal {
  error: 'invalidContent';
  detail: string;
  issues: ContentIssue[];
}

/** The refusal as the console reads it back: each issue checked before it is shown at its field. */
export const ContentRefusalBody = z.object({
  error: z.literal('invalidContent'),
  issues: z
    .array(
      z.object({
        kind: ContentKind,
        id: z.string().max(200),
        path: z.string().max(200),
        message: z.string().max(1000),
      }),
    )
    .max(500),
});

/** POST /api/console/content/preview: drafts plus these extra changes (not saved), checked without publishing. */
export const PreviewBody = z.strictObject({ changes: z.array(ContentChange).max(50).optional() });
export type PreviewBody = z.infer<typeof PreviewBody>;

/** POST /api/console/content/publish: publishes every draft over `baseVersion` (409 `contentConflict` if stale). */
export const PublishBody = z.strictObject({
  baseVersion: z.number().int().min(1),
  note: z.string().trim().max(200).optional(),
});
export type PublishBody = z.infer<typeof PublishBody>;

/** POST /api/console/content/rollback: publishes a copy of `toVersion`'s documents over `baseVersion`. */
export const RollbackBody = z.strictObject({
  toVersion: z.number().int().min(1),
  baseVersion: z.number().int().min(1),
});
export type RollbackBody = z.infer<typeof RollbackBody>;

/** Params of PUT and DELETE /api/console/content/:kind/:id. */
export const ContentItemParams = z.strictObject({
  kind: ContentKind,
  id: z.string().regex(CONTENT_ID).max(64),
});

/** The unsigned `addPrize` transaction the brand's admin wallet signs when this server holds no admin key. */
export interface UnsignedTransaction {
  to: `0x${string}`;
  data: `0x${string}`;
  chainId: number;
}

/** A prize's state on the Prizes contract: rules fixed there once added; only an added prize can be awarded. */
export interface PrizeChainState {
  prizeId: string;
  tokenId: number;
  onChain: boolean;
  /** The addPrize transaction this server sent, if it sent one. */
  txHash?: string;
  /** Present while not on chain and this server has no admin key: the transaction to sign in the console. */
  transaction?: UnsignedTransaction;
}

/** POST preview answer: the bundle that would be published and why it would be refused (empty issues: it would not). */
export interface ContentPreview {
  baseVersion: number;
  bundle: ContentBundle;
  issues: ContentIssue[];
}

/** POST publish / rollback answer: the new version, and what happened to prizes new on chain. */
export interface ContentPublished {
  version: number;
  prizes: PrizeChainState[];
}

/** A saved edit waiting for the next publish. */
export interface ContentDraft {
  kind: ContentKind;
  id: string;
  body: unknown;
  updatedAt: string;
  by: string;
}

/** One published version, newest first in GET's history. */
export interface ContentVersionSummary {
  version: number;
  by: string;
  at: string;
  note: string;
  basedOn: number | null;
}

/** GET /api/console/content: what runs now (trivia answers included: content role only), drafts and history. */
export interface ConsoleContent {
  version: number;
  bundle: ContentBundle;
  drafts: ContentDraft[];
  history: ContentVersionSummary[];
  prizeChain: PrizeChainState[];
}

/** PUT /api/console/content/:kind/:id answer: saved as a draft; it goes live on publish. */
export interface ContentSaved {
  saved: true;
  kind: ContentKind;
  id: string;
  appliesOn: 'publish';
}

/** A trivia pack as members may see it: its name and size, never its questions or answers. */
export interface TriviaPackSummary {
  id: string;
  name: TriviaText;
  questions: number;
}

/**
 * GET /api/content (public, ETag `"v<version>"`): the member-safe bundle the lounge runs on. Trivia packs carry no
 * questions; gates carry their rules (public ownership checks).
 */
export interface MemberContent {
  version: number;
  quests: Quest[];
  stamps: Stamp[];
  prizes: Prize[];
  statusLevels: StatusLevel[];
  gates: RoomGate[];
  triviaPacks: TriviaPackSummary[];
}

/** Error codes of the content routes a person can meet (the console translates each). */
export const CONTENT_ERROR_CODES = [
  'invalidContent',
  'contentConflict',
  'unknownContent',
  'unknownVersion',
  'nothingToPublish',
] as const;
