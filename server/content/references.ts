import { GAME_IDS, triviaGame } from '../../shared/content/games.ts';
import type { ContentBundle, ContentIssue, ContentKind } from '../../shared/protocol/content.ts';
import { RoomName } from '../../shared/rooms.ts';

/** Rooms a gate (or a status level's opensRooms) may name: the gated lounges. */
const GATED_ROOMS = new Set<string>([RoomName.vip, RoomName.suite]);
const GAMES = new Set<string>(GAME_IDS);

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

/** Checks ids are unique and that every reference names an item of the bundle, a game or a gated room. */
export function checkReferences(bundle: ContentBundle, out: ContentIssue[]): void {
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
