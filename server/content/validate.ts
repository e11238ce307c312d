import type { z } from 'zod';
import { RoomGate } from '../../shared/content/gates.ts';
import { Prize } from '../../shared/content/prizes.ts';
import { Quest, Stamp, StatusLevel } from '../../shared/content/quest-schema.ts';
import { TriviaPack } from '../../shared/content/trivia-schema.ts';
import type { ContentBundle, ContentIssue, ContentKind } from '../../shared/protocol/content.ts';
import { checkReferences } from './references.ts';

/** Each list's kind and item schema: the same schemas that check shared/content at boot. */
const LISTS = [
  ['quests', 'quest', Quest],
  ['stamps', 'stamp', Stamp],
  ['prizes', 'prize', Prize],
  ['gates', 'gate', RoomGate],
  ['statusLevels', 'status', StatusLevel],
  ['triviaPacks', 'trivia', TriviaPack],
] as const satisfies readonly (readonly [keyof ContentBundle, ContentKind, z.ZodType])[];

/** A prize's rules fixed on the Prizes contract once added. */
const FIXED_PRIZE_FIELDS = ['tokenId', 'maxSupply', 'memberCap', 'soulbound'] as const;

/** The result of checking a bundle: the parsed bundle when there are no issues. */
export type BundleCheck =
  | { bundle: ContentBundle; issues: [] }
  | { bundle: undefined; issues: ContentIssue[] };

const itemId = (kind: ContentKind, item: unknown, index: number): string => {
  const raw = item as { id?: unknown; room?: unknown } | null;
  const id = kind === 'gate' ? raw?.room : raw?.id;
  return typeof id === 'string' ? id : `#${index}`;
};

/**
 * Validates a whole bundle before it is published: every item by its schema, then references (steps name games and
 * stamps, rewards name stamps and prizes, gates name gated rooms, trivia has the game's packs) and, against the
 * version it replaces, a prize's fixed fields (token id, supply, member cap, soulbound) and that no prize disappears.
 */
export function checkBundle(raw: unknown, previous?: ContentBundle): BundleCheck {
  const issues: ContentIssue[] = [];
  const input = (raw ?? {}) as Record<string, unknown>;
  const parsed: Record<string, unknown[]> = {};
  for (const [list, kind, schema] of LISTS) {
    const items = input[list];
    if (!Array.isArray(items)) {
      issues.push({ kind, id: '', path: '', message: `${list} must be a list` });
      continue;
    }
    parsed[list] = items.map((item, index) => {
      const result = (schema as z.ZodType).safeParse(item);
      if (result.success) return result.data;
      for (const issue of result.error.issues)
        issues.push({
          kind,
          id: itemId(kind, item, index),
          path: issue.path.join('.'),
          message: issue.message,
        });
      return undefined;
    });
  }
  if (issues.length > 0) return { bundle: undefined, issues };
  const bundle = parsed as unknown as ContentBundle;
  checkReferences(bundle, issues);
  if (previous) checkPrizesKept(bundle, previous, issues);
  return issues.length > 0 ? { bundle: undefined, issues } : { bundle, issues: [] };
}

/** A prize once published keeps its fixed fields and is never removed (it may be on chain): retire it instead. */
function checkPrizesKept(bundle: ContentBundle, previous: ContentBundle, out: ContentIssue[]): void {
  for (const before of previous.prizes) {
    const now = bundle.prizes.find((prize) => prize.id === before.id);
    if (!now) {
      out.push({
        kind: 'prize',
        id: before.id,
        path: '',
        message: 'a published prize cannot be removed: set enabled to false',
      });
      continue;
    }
    for (const field of FIXED_PRIZE_FIELDS)
      if (now[field] !== before[field])
        out.push({
          kind: 'prize',
          id: before.id,
          path: field,
          message: `fixed on chain once added (was ${before[field]})`,
        });
  }
}
