import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../server/content/changes.ts';
import { seedBundle } from '../../../server/content/seed.ts';
import { checkBundle } from '../../../server/content/validate.ts';
import type { ContentBundle, ContentChange } from '../../../shared/protocol/content.ts';

const label = { en: 'Say hello', 'zh-Hant': '打招呼', 'zh-Hans': '打招呼', vi: 'Chào hỏi' };
const chatQuest = {
  id: 'chatter',
  title: label,
  description: label,
  steps: [{ id: 'hello', kind: 'chat', label, count: 1 }],
  rewards: { stamps: [], points: 0, prizes: [] },
};

/** The bundle `changes` make of the seed, checked against the seed as the version it replaces. */
function check(...changes: ContentChange[]) {
  const seed = seedBundle();
  const { draft, issues } = applyChanges(seed, changes);
  expect(issues).toEqual([]);
  return checkBundle(draft, seed);
}

describe('published content validation', () => {
  it('accepts the seed and a new quest', () => {
    expect(checkBundle(seedBundle()).issues).toEqual([]);
    const checked = check({ kind: 'quest', id: 'chatter', body: chatQuest });
    expect(checked.bundle?.quests.map((quest) => quest.id)).toContain('chatter');
  });

  it('names the item and field of a schema failure', () => {
    const bad = { ...chatQuest, steps: [{ id: 'hello', kind: 'chat', label: { en: 'x' } }] };
    const { issues } = check({ kind: 'quest', id: 'chatter', body: bad });
    expect(issues).toContainEqual(
      expect.objectContaining({ kind: 'quest', id: 'chatter', path: 'steps.0.label.zh-Hant' }),
    );
  });

  it('refuses references to games, stamps, prizes and rooms that do not exist', () => {
    const quest = {
      ...chatQuest,
      steps: [{ id: 'play', kind: 'playGame', gameId: 'chess', label }],
      rewards: { stamps: ['no-stamp'], points: 0, prizes: ['no-prize'] },
    };
    const { issues } = check(
      { kind: 'quest', id: 'chatter', body: quest },
      {
        kind: 'gate',
        id: 'attic',
        body: { anyOf: [{ contract: 'PartnerPass', standard: 'erc721', minBalance: 1 }] },
      },
    );
    const paths = issues.map((issue) => `${issue.kind}:${issue.id}:${issue.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'quest:chatter:steps.0.gameId',
        'quest:chatter:rewards.stamps.0',
        'quest:chatter:rewards.prizes.0',
        'gate:attic:room',
      ]),
    );
  });

  it("keeps a prize's fixed fields and refuses removing it; retiring it is allowed", () => {
    const seed = seedBundle();
    const gold = seed.prizes.find((prize) => prize.id === 'gold-pass');
    const edited = check({
      kind: 'prize',
      id: 'gold-pass',
      body: { ...gold, maxSupply: 5, soulbound: false },
    });
    expect(edited.issues.map((issue) => issue.path).sort()).toEqual(['maxSupply', 'soulbound']);
    const removed = check({ kind: 'prize', id: 'upgrade-voucher', body: { remove: true } });
    expect(removed.issues).toContainEqual(
      expect.objectContaining({ kind: 'prize', id: 'upgrade-voucher', path: '' }),
    );
    const retired = check({
      kind: 'prize',
      id: 'upgrade-voucher',
      body: { ...seed.prizes[2], enabled: false },
    });
    expect(retired.issues).toEqual([]);
  });

  it('refuses a quest rewarding a retired prize, and a trivia pack the game needs going missing', () => {
    const seed: ContentBundle = seedBundle();
    const day = seed.prizes.find((prize) => prize.id === 'lounge-day-pass');
    const pack = seed.triviaPacks[0];
    const { issues } = check(
      { kind: 'prize', id: 'lounge-day-pass', body: { ...day, enabled: false } },
      { kind: 'trivia', id: pack?.id ?? '', body: { remove: true } },
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ kind: 'quest', id: 'first-visit', path: 'rewards.prizes.0' }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ kind: 'trivia', id: pack?.id }));
  });

  it('refuses an edit whose body names another id than the one edited', () => {
    const { issues } = applyChanges(seedBundle(), [{ kind: 'quest', id: 'other', body: chatQuest }]);
    expect(issues).toEqual([expect.objectContaining({ kind: 'quest', id: 'other', path: 'id' })]);
  });
});
