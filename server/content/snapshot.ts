import type { Prize } from '../../shared/content/prizes.ts';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import type { TriviaPack } from '../../shared/content/trivia-schema.ts';
import type { ContentBundle, MemberContent } from '../../shared/protocol/content.ts';

/** One published version as every reader sees it: immutable, with the lookups the server makes at use time. */
export interface ContentSnapshot {
  readonly version: number;
  readonly bundle: ContentBundle;
  /** What the quest engine reads (quests, stamps, levels sorted by minStamps, prize ids). */
  readonly questContent: QuestContent;
  /** GET /api/content's body: no trivia questions or answers. */
  readonly member: MemberContent;
  /** GET /api/content's ETag. */
  readonly etag: string;
  prize(id: string): Prize | undefined;
  triviaPack(id: string): TriviaPack | undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Builds the frozen snapshot of a validated bundle (nothing may change it after the swap). */
export function snapshotOf(version: number, validated: ContentBundle): ContentSnapshot {
  const bundle = deepFreeze(structuredClone(validated));
  const levels = [...bundle.statusLevels].sort((a, b) => a.minStamps - b.minStamps);
  const member: MemberContent = deepFreeze({
    version,
    quests: [...bundle.quests],
    stamps: [...bundle.stamps],
    prizes: [...bundle.prizes],
    statusLevels: levels,
    gates: [...bundle.gates],
    triviaPacks: bundle.triviaPacks.map((pack) => ({
      id: pack.id,
      name: pack.name,
      questions: pack.questions.length,
    })),
  });
  const prizes = new Map(bundle.prizes.map((prize) => [prize.id, prize]));
  const packs = new Map(bundle.triviaPacks.map((pack) => [pack.id, pack]));
  return Object.freeze({
    version,
    bundle,
    questContent: Object.freeze({
      quests: bundle.quests,
      stamps: bundle.stamps,
      levels,
      prizeIds: bundle.prizes.map((prize) => prize.id),
    }),
    member,
    etag: `"v${version}"`,
    prize: (id: string) => prizes.get(id),
    triviaPack: (id: string) => packs.get(id),
  });
}
