import { describe, expect, it } from 'vitest';
import {
  checkContent,
  contentItems,
  latestDraft,
  parseJsonText,
  toJsonText,
} from '../../client/console/content/contentItems.ts';
import { getIn, setIn } from '../../client/console/content/paths.ts';
import { fieldValue, simpleFields } from '../../client/console/content/simpleFields.ts';
import { roomGates } from '../../shared/content/gates.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { quests } from '../../shared/content/quests.ts';
import type { ConsoleContent } from '../../shared/protocol/live-events.ts';

const content: ConsoleContent = {
  quests: [...quests],
  prizes: [...prizes],
  gates: Object.fromEntries(roomGates.map((gate) => [gate.room, gate.rule])),
  drafts: [
    { kind: 'prize', id: 'gold-pass', body: { old: true }, updatedAt: '2026-04-01T10:00:00Z', by: '0xabc' },
    { kind: 'prize', id: 'gold-pass', body: { new: true }, updatedAt: '2026-04-02T10:00:00Z', by: '0xabc' },
    {
      kind: 'prize',
      id: 'new-prize',
      body: { id: 'new-prize' },
      updatedAt: '2026-04-02T11:00:00Z',
      by: '0xabc',
    },
  ],
};

describe('console content items', () => {
  it('lists running items by id, gates by room, then draft-only items', () => {
    expect(contentItems(content, 'quest').map((item) => item.id)).toEqual(quests.map((quest) => quest.id));
    expect(contentItems(content, 'gate').map((item) => item.id)).toEqual(['vip', 'suite']);
    expect(contentItems(content, 'prize').map((item) => item.id)).toEqual([
      ...prizes.map((prize) => prize.id),
      'new-prize',
    ]);
  });

  it('finds the newest draft of an item', () => {
    expect(latestDraft(content, 'prize', 'gold-pass')?.body).toEqual({ new: true });
    expect(latestDraft(content, 'quest', 'gold-pass')).toBeUndefined();
  });

  it('checks every running item with its own schema', () => {
    for (const kind of ['quest', 'prize', 'gate'] as const)
      for (const item of contentItems({ ...content, drafts: [] }, kind))
        expect(checkContent(kind, item.body), `${kind} ${item.id}`).toEqual({ ok: true });
  });

  it('reports schema problems with their paths', () => {
    const prize = setIn(setIn(prizes[0], ['maxSupply'], 0), ['name', 'vi'], '');
    expect(checkContent('prize', prize)).toEqual({
      ok: false,
      issues: [
        { path: 'name.vi', issue: { key: 'issue.required' } },
        { path: 'maxSupply', issue: { key: 'issue.min', vars: { min: 1 } } },
      ],
    });
    const gate = { anyOf: [{ contract: 'Stamps', standard: 'erc1155', minBalance: 1 }] };
    expect(checkContent('gate', gate)).toMatchObject({ ok: false, issues: [{ path: 'anyOf.0.tokenIds' }] });
  });

  it('insists a quest or prize keeps the id it is saved under', () => {
    expect(checkContent('prize', prizes[0], prizes[0]?.id)).toEqual({ ok: true });
    expect(checkContent('prize', { ...prizes[0], id: 'renamed' }, prizes[0]?.id)).toEqual({
      ok: false,
      issues: [{ path: 'id', issue: { key: 'content.idMismatch', vars: { id: 'lounge-day-pass' } } }],
    });
    expect(checkContent('gate', roomGates[0]?.rule, 'vip')).toEqual({ ok: true });
  });

  it('parses JSON text or says why not', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('{a:1}').ok).toBe(false);
    expect(toJsonText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe('paths and simple fields', () => {
  it('reads and writes nested values without touching the original', () => {
    const item = { name: { en: 'A' }, list: [{ n: 1 }, { n: 2 }] };
    const next = setIn(item, ['list', 1, 'n'], 5);
    expect(getIn(next, ['list', 1, 'n'])).toBe(5);
    expect(item.list[1]?.n).toBe(2);
    expect(Array.isArray(getIn(next, ['list']))).toBe(true);
    expect(setIn({}, ['rewards', 'points'], 3)).toEqual({ rewards: { points: 3 } });
    expect(getIn(item, ['missing', 'deeper'])).toBeUndefined();
  });

  it('offers titles per language and the numbers for each kind', () => {
    const questPaths = simpleFields('quest', quests[0]).map((field) => field.path.join('.'));
    expect(questPaths).toContain('title.zh-Hant');
    expect(questPaths).toContain('description.vi');
    expect(questPaths).toContain('rewards.points');
    expect(simpleFields('prize', prizes[0]).map((field) => field.path.join('.'))).toEqual(
      expect.arrayContaining(['name.en', 'perk.zh-Hans', 'maxSupply', 'memberCap', 'soulbound']),
    );
    expect(simpleFields('gate', roomGates[0]?.rule).map((field) => field.path.join('.'))).toEqual([
      'anyOf.0.minBalance',
      'anyOf.1.minBalance',
    ]);
  });

  it('turns typed text into numbers only when it is one', () => {
    const [points] = simpleFields('quest', {}).filter((field) => field.type === 'number');
    expect(fieldValue(points!, '12')).toBe(12);
    expect(fieldValue(points!, '')).toBe('');
    expect(fieldValue(points!, 'x')).toBe('x');
  });
});
