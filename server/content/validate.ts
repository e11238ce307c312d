import type { z } from 'zod';
import { GAME_IDS, triviaGame } from '../../shared/content/games.ts';
import { RoomGate } from '../../shared/content/gates.ts';
import { Prize } from '../../shared/content/prizes.ts';
import { Quest, Stamp, StatusLevel } from '../../shared/content/quest-schema.ts';
import { TriviaPack } from '../../shared/content/trivia-schema.ts';
import type { ContentBundle, ContentIssue, ContentKind } from '../../shared/protocol/content.ts';
import { RoomName } from '../../shared/rooms.ts';

/** Each list's kind and item schema: the same schemas that check shared/content at boot. */
const LISTS = [
  ['quests', 'quest', Quest],
  ['stamps', 'stamp', Stamp],
  ['prizes', 'prize', Prize],
  ['gates', 'gate', RoomGate],
  ['statusLevels', 'status', StatusLevel],
  ['triviaPacks', 'trivia', TriviaPack],
] as const satisfies readonly (readonly [keyof ContentBundle, ContentKind, z.ZodType])[];

/** Rooms a gate (or a status level's opensRooms) may name: the gated lounges. */
const GATED_ROOMS = new Set<string>([RoomName.vip, RoomName.suite]);
const GAMES = new Set<string>(GAME_IDS);
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

function duplicates(
  kind: ContentKind,
  ids: readonly (string | number)[],
  path: string,
  out: ContentIssue[],
): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      out.push({ kind, id: String(id), path, message: `duplicate ${path} "${id}"` });
  });
}

function checkReferences(bundle: ContentBundle, out: ContentIssue[]): void {
  duplicates(
    'quest',
    bundle.quests.map((q) => q.id),
    'id',
    out,
  );
  duplicates(
    'stamp',
    bundle.stamps.map((s) => s.id),
    'id',
    out,
  );
  duplicates(
    'stamp',
    bundle.stamps.map((s) => s.tokenId),
    'tokenId',
    out,
  );
  duplicates(
    'prize',
    bundle.prizes.map((p) => p.id),
    'id',
    out,
  );
  duplicates(
    'prize',
    bundle.prizes.map((p) => p.tokenId),
    'tokenId',
    out,
  );
  duplicates(
    'gate',
    bundle.gates.map((g) => g.room),
    'room',
    out,
  );
  duplicates(
    'status',
    bundle.statusLevels.map((l) => l.id),
    'id',
    out,
  );
  duplicates(
    'trivia',
    bundle.triviaPacks.map((t) => t.id),
    'id',
    out,
  );
  const quests = new Set(bundle.quests.map((q) => q.id));
  const stamps = new Set(bundle.stamps.map((s) => s.id));
  const prizes = new Map(bundle.prizes.map((p) => [p.id, p]));
  for (const quest of bundle.quests) {
    const issue = (path: string, message: string) => out.push({ kind: 'quest', id: quest.id, path, message });
    quest.prerequisites.forEach((id, i) => {
      if (!quests.has(id) || id === quest.id) issue(`prerequisites.${i}`, `unknown quest "${id}"`);
    });
    quest.rewards.stamps.forEach((id, i) => {
      if (!stamps.has(id)) issue(`rewards.stamps.${i}`, `unknown stamp "${id}"`);
    });
    quest.rewards.prizes.forEach((id, i) => {
      const prize = prizes.get(id);
      if (!prize) issue(`rewards.prizes.${i}`, `unknown prize "${id}"`);
      else if (!prize.enabled) issue(`rewards.prizes.${i}`, `prize "${id}" is retired (enabled: false)`);
    });
    quest.steps.forEach((step, i) => {
      if ('gameId' in step && !GAMES.has(step.gameId))
        issue(`steps.${i}.gameId`, `unknown game "${step.gameId}"`);
      if (step.kind === 'collectStamps')
        step.stampIds?.forEach((id, at) => {
          if (!stamps.has(id)) issue(`steps.${i}.stampIds.${at}`, `unknown stamp "${id}"`);
        });
    });
  }
  bundle.gates.forEach((gate) => {
    if (!GATED_ROOMS.has(gate.room))
      out.push({
        kind: 'gate',
        id: gate.room,
        path: 'room',
        message: `not a gated room (${[...GATED_ROOMS]})`,
      });
  });
  for (const level of bundle.statusLevels)
    level.opensRooms.forEach((room, i) => {
      if (!GATED_ROOMS.has(room))
        out.push({
          kind: 'status',
          id: level.id,
          path: `opensRooms.${i}`,
          message: `not a gated room "${room}"`,
        });
    });
  if (!bundle.statusLevels.some((level) => level.minStamps === 0))
    out.push({ kind: 'status', id: '', path: 'minStamps', message: 'the first level must need 0 stamps' });
  for (const id of triviaGame.packs) {
    const pack = bundle.triviaPacks.find((candidate) => candidate.id === id);
    if (!pack) out.push({ kind: 'trivia', id, path: '', message: 'named by the trivia game but missing' });
    else if (pack.questions.length < triviaGame.turns)
      out.push({
        kind: 'trivia',
        id,
        path: 'questions',
        message: `a round needs ${triviaGame.turns} questions`,
      });
  }
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
