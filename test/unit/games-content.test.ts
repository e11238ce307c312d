import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGames, GAME_IDS, GameInfo, games } from '../../shared/content/games.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { parseItems } from '../../shared/content/quest-schema.ts';
import { questContent } from '../../shared/content/quests.ts';
import { triviaPacks } from '../../shared/content/trivia-packs.ts';
import { checkTriviaPacks, TriviaPack } from '../../shared/content/trivia-schema.ts';

const FILE = 'shared/content/trivia-packs.ts';
const en = (text: string) => ({ en: text });
const goodPack = {
  id: 'travel',
  name: en('Travel'),
  questions: [{ id: 'hkg', prompt: en('HKG?'), choices: [en('Hong Kong'), en('Hanoi')], answer: 0 }],
};
const withQuestion = (change: Record<string, unknown>) => ({
  ...goodPack,
  questions: [{ ...goodPack.questions[0], ...change }],
});
const prizeIds = prizes.map((prize) => prize.id);
const parsePack = (pack: unknown) => parseItems(FILE, 'trivia pack', TriviaPack, [pack]);

describe('game content', () => {
  it('ships the three games, and the quests name only them', () => {
    expect(games.map((game) => game.id)).toEqual([...GAME_IDS]);
    const named = questContent.quests.flatMap((quest) =>
      quest.steps.flatMap((step) => ('gameId' in step ? [step.gameId] : [])),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(GAME_IDS).toContain(id);
  });

  it('rejects a winner prize the catalogue lacks, and more minimum than maximum players', () => {
    const plane = games.find((game) => game.id === 'plane')!;
    expect(() =>
      checkGames('g.ts', [...games.filter((g) => g !== plane), { ...plane, winnerPrize: 'yacht' }], prizeIds),
    ).toThrow('Layover: bad game "plane" in g.ts: winnerPrize: unknown prize "yacht"');
    expect(() => checkGames('g.ts', [{ ...plane, minPlayers: 3 }, ...games.slice(1)], [])).toThrow(
      'bad game "plane" in g.ts: minPlayers',
    );
    expect(() =>
      parseItems('g.ts', 'game', GameInfo, [{ ...plane, timing: { ...plane.timing, turnMs: 0 } }]),
    ).toThrow('bad game "plane" in g.ts: timing.turnMs');
  });
});

describe('trivia packs', () => {
  it('ship every question with English and a right answer among its choices', () => {
    expect(triviaPacks.map((pack) => pack.id)).toEqual(['travel', 'layover', 'destination-hoi-an']);
    for (const pack of triviaPacks)
      for (const question of pack.questions) expect(question.choices[question.answer]?.en).toBeTruthy();
  });

  it.each([
    ['an answer that is not a choice', withQuestion({ answer: 2 }), 'questions.0.answer'],
    ['a question without English', withQuestion({ prompt: { vi: 'Sân bay nào?' } }), 'questions.0.prompt.en'],
    [
      'a language the client does not ship',
      withQuestion({ prompt: { en: 'x', fr: 'y' } }),
      'questions.0.prompt',
    ],
    ['a single choice', withQuestion({ choices: [en('Only')] }), 'questions.0.choices'],
    ['five choices', withQuestion({ choices: ['a', 'b', 'c', 'd', 'e'].map(en) }), 'questions.0.choices'],
    ['an empty choice', withQuestion({ choices: [en('Hong Kong'), en('  ')] }), 'questions.0.choices.1.en'],
    ['a score field', withQuestion({ points: 100 }), 'questions.0'],
    ['no questions', { ...goodPack, questions: [] }, 'questions'],
    [
      'a duplicate question id',
      { ...goodPack, questions: [goodPack.questions[0], goodPack.questions[0]] },
      'questions.1.id',
    ],
  ])('rejects %s, naming the file, the pack and the field', (_what, pack, field) => {
    expect(() => parsePack(pack)).toThrow(`Layover: bad trivia pack "travel" in ${FILE}: ${field}`);
  });

  it('rejects a pack the game names but the file lacks, or one too short for a round', () => {
    const [pack] = parsePack(goodPack);
    expect(() => checkTriviaPacks(FILE, [pack!], { packs: ['travel', 'brand'], turns: 1 })).toThrow(
      `Layover: bad trivia pack "brand" in ${FILE}: id: named by the trivia game but missing`,
    );
    expect(() => checkTriviaPacks(FILE, [pack!], { packs: ['travel'], turns: 5 })).toThrow(
      `Layover: bad trivia pack "travel" in ${FILE}: questions: has 1, a round needs 5`,
    );
  });

  it('never reach the client: no client or shared protocol file imports them', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(join(dir, entry.name))
          : /\.tsx?$/.test(entry.name)
            ? [join(dir, entry.name)]
            : [],
      );
    const importers = [...files('client'), ...files('shared')].filter((file) =>
      /(from|import)\s*\(?\s*['"][^'"]*trivia-packs/.test(readFileSync(file, 'utf8')),
    );
    expect(importers).toEqual([]);
  });
});
