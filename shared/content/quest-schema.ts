import { z } from 'zod';
import { EMOTES } from '../protocol/lounge-messages.ts';
import { loungeLayout } from './lounge-layout.ts';

/** Text a member reads, in every language the client ships. */
export const Localized = z.strictObject({
  en: z.string().min(1),
  'zh-Hant': z.string().min(1),
  'zh-Hans': z.string().min(1),
  vi: z.string().min(1),
});
export type Localized = z.infer<typeof Localized>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');
const count = z.number().int().min(1).default(1);
const zoneIds = new Set(loungeLayout.zones.map((zone) => zone.id));
const zoneId = z.string().refine((id) => zoneIds.has(id), 'must be a zone id of the lounge layout');
const isoTime = z.iso.datetime({ offset: true });

const stepBase = { id: slug, label: Localized, count };

/** One step of a journey; `count` is how many times (or distinct days, or stamps) it needs. */
export const QuestStep = z.discriminatedUnion('kind', [
  z.strictObject({ ...stepBase, kind: z.literal('visitZone'), zone: zoneId }),
  z.strictObject({ ...stepBase, kind: z.literal('interact'), objectId: zoneId }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('emoteNear'),
    emote: z.enum(EMOTES).optional(),
    withinM: z.number().positive().max(20),
  }),
  z.strictObject({ ...stepBase, kind: z.literal('chat') }),
  z.strictObject({ ...stepBase, kind: z.literal('playGame'), gameId: slug }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('reachScore'),
    gameId: slug,
    score: z.number().int().min(1),
  }),
  z.strictObject({ ...stepBase, kind: z.literal('win'), gameId: slug }),
  z.strictObject({ ...stepBase, kind: z.literal('attendEvent'), minutes: z.number().int().min(1) }),
  z.strictObject({ ...stepBase, kind: z.literal('holdNft'), contract: z.string().min(1) }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('collectStamps'),
    stampIds: z.array(slug).min(1).optional(),
  }),
  z.strictObject({ ...stepBase, kind: z.literal('returnDays') }),
]);
export type QuestStep = z.infer<typeof QuestStep>;
export type StepKind = QuestStep['kind'];

export const Quest = z
  .strictObject({
    id: slug,
    title: Localized,
    description: Localized,
    steps: z.array(QuestStep).min(1),
    /** Quests that must be completed before this one advances. */
    prerequisites: z.array(slug).default([]),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    /** A repeatable quest starts over once its cooldown has passed since the last completion. */
    repeatable: z.strictObject({ cooldownHours: z.number().positive() }).optional(),
    rewards: z.strictObject({
      stamps: z.array(slug).default([]),
      points: z.number().int().min(0).default(0),
      /** Prize ids the oracle mints; the ledger only queues them. */
      prizes: z.array(slug).default([]),
    }),
  })
  .superRefine((quest, ctx) => {
    if (quest.startsAt && quest.endsAt && Date.parse(quest.endsAt) <= Date.parse(quest.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    const ids = quest.steps.map((step) => step.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `duplicate step id "${id}"` });
    });
  });
export type Quest = z.infer<typeof Quest>;

/** A passport stamp; `tokenId` is its id in the Stamps contract (soulbound ERC-1155). */
export const Stamp = z.strictObject({
  id: slug,
  tokenId: z.number().int().min(1),
  name: Localized,
  art: z.string().min(1),
});
export type Stamp = z.infer<typeof Stamp>;

/** A status level a member reaches by collecting stamps; shown on name tags. */
export const StatusLevel = z.strictObject({
  id: slug,
  name: Localized,
  minStamps: z.number().int().min(0),
  /**
   * Qualifying points in one calendar year that also reach this level (see shared/content/points-program.ts); held
   * through the next year plus the grace months. Absent: by stamps only.
   */
  minQualifyingPoints: z.number().int().min(1).optional(),
  /** Gated rooms this level opens without a pass (a perk earned, not bought); higher levels keep it. */
  opensRooms: z.array(z.string().min(1)).default([]),
});
export type StatusLevel = z.infer<typeof StatusLevel>;

export interface QuestContent {
  quests: readonly Quest[];
  stamps: readonly Stamp[];
  levels: readonly StatusLevel[];
  /** The prize catalogue's ids, when rewards should be checked against it. */
  prizeIds?: readonly string[];
}

/** Content that fails validation; the message names the file, the item and the field path. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Parses one list of content items, naming `file`, the item's id and the field in any error. */
export function parseItems<T extends z.ZodType>(
  file: string,
  what: string,
  schema: T,
  items: unknown[],
): z.infer<T>[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    const raw = item as { id?: unknown } | null;
    const name = typeof raw?.id === 'string' ? `"${raw.id}"` : `#${index}`;
    const fields = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ContentError(`Layover: bad ${what} ${name} in ${file}: ${fields}`);
  });
}

/** Checks references between quests, stamps and levels; throws a ContentError naming the quest and field. */
export function checkQuestContent(file: string, content: QuestContent): QuestContent {
  const fail = (questId: string, field: string, message: string): never => {
    throw new ContentError(`Layover: bad quest "${questId}" in ${file}: ${field}: ${message}`);
  };
  const stampIds = new Set(content.stamps.map((stamp) => stamp.id));
  const questIds = new Set<string>();
  for (const quest of content.quests) {
    if (questIds.has(quest.id)) fail(quest.id, 'id', 'duplicate quest id');
    questIds.add(quest.id);
  }
  for (const quest of content.quests) {
    quest.prerequisites.forEach((id, index) => {
      if (!questIds.has(id) || id === quest.id)
        fail(quest.id, `prerequisites.${index}`, `unknown quest "${id}"`);
    });
    quest.rewards.stamps.forEach((id, index) => {
      if (!stampIds.has(id)) fail(quest.id, `rewards.stamps.${index}`, `unknown stamp "${id}"`);
    });
    quest.rewards.prizes.forEach((id, index) => {
      if (content.prizeIds && !content.prizeIds.includes(id))
        fail(quest.id, `rewards.prizes.${index}`, `unknown prize "${id}"`);
    });
    quest.steps.forEach((step, index) => {
      if (step.kind !== 'collectStamps') return;
      step.stampIds?.forEach((id, at) => {
        if (!stampIds.has(id)) fail(quest.id, `steps.${index}.stampIds.${at}`, `unknown stamp "${id}"`);
      });
    });
  }
  const levels = [...content.levels].sort((a, b) => a.minStamps - b.minStamps);
  if (levels[0]?.minStamps !== 0)
    throw new ContentError(`Layover: bad status levels in ${file}: the first level must need 0 stamps`);
  return { ...content, levels };
}
