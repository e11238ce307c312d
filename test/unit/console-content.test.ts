import { describe, expect, it } from 'vitest';
import {
  checkContent,
  contentItems,
  isPublishedPrize,
  latestDraft,
  newItemBody,
  newItemIdProblem,
  parseJsonText,
  toJsonText,
} from '../../client/console/content/contentItems.ts';
import { editorPath, issuesAt, issuesOf } from '../../client/console/content/issues.ts';
import { getIn, setIn } from '../../client/console/content/paths.ts';
import { fieldValue, simpleFields } from '../../client/console/content/simpleFields.ts';
import { roomGates } from '../../shared/content/gates.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { quests } from '../../shared/content/quests.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { statusLevels } from '../../shared/content/status.ts';
import { triviaPacks } from '../../shared/content/trivia-packs.ts';
import type { ConsoleContent, ContentIssue } from '../../shared/protocol/content.ts';
import { CONTENT_KINDS } from '../../shared/protocol/content.ts';

const content: ConsoleContent = {
  version: 3,
  bundle: {
    quests: [...quests],
    stamps: [...stamps],
    prizes: [...prizes],
    gates: roomGates,
    statusLevels: [...statusLevels],
    triviaPacks: [...triviaPacks],
  },
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
    {
      kind: 'quest',
      id: 'gone-quest',
      body: { remove: true },
      updatedAt: '2026-04-02T11:00:00Z',
      by: '0xabc',
    },
  ],
  history: [],
  prizeChain: [],
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
    for (const kind of CONTENT_KINDS)
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

describe("new items, prizes on chain and the server's issues", () => {
  it('leaves a removal draft out of the list of items', () => {
    expect(contentItems(content, 'quest').map((item) => item.id)).not.toContain('gone-quest');
  });

  it('accepts a new id only when well formed and free', () => {
    expect(newItemIdProblem(content, 'quest', 'night-owl')).toBeNull();
    expect(newItemIdProblem(content, 'quest', 'Night Owl')).toBe('badId');
    expect(newItemIdProblem(content, 'quest', '')).toBe('badId');
    expect(newItemIdProblem(content, 'quest', quests[0]?.id ?? '')).toBe('exists');
    expect(newItemIdProblem(content, 'prize', 'new-prize')).toBe('exists');
    expect(newItemIdProblem(content, 'gate', 'vip')).toBe('exists');
  });

  it('starts a new item as a valid copy of the first, under its id and a free token id', () => {
    for (const kind of CONTENT_KINDS) {
      const body = newItemBody(content, kind, 'night-owl');
      expect(checkContent(kind, body, 'night-owl'), kind).toEqual({ ok: true });
    }
    const prize = newItemBody(content, 'prize', 'night-owl') as { tokenId: number };
    expect(prize.tokenId).toBe(Math.max(...prizes.map((item) => item.tokenId)) + 1);
    expect(quests[0]?.id).not.toBe('night-owl');
  });

  it('locks only published prizes, and marks exactly the three on-chain rules as fixed', () => {
    expect(isPublishedPrize(content, 'gold-pass')).toBe(true);
    expect(isPublishedPrize(content, 'new-prize')).toBe(false);
    const fixed = simpleFields('prize', prizes[0])
      .filter((field) => field.fixedOnChain)
      .map((field) => field.path.join('.'));
    expect(fixed).toEqual(['maxSupply', 'memberCap', 'soulbound']);
    expect(simpleFields('prize', prizes[0]).map((field) => field.path.join('.'))).toContain('enabled');
  });

  it('offers fields for stamps, status levels and trivia packs', () => {
    expect(simpleFields('stamp', stamps[0]).map((field) => field.path.join('.'))).toEqual(
      expect.arrayContaining(['name.vi', 'tokenId', 'art']),
    );
    expect(simpleFields('status', statusLevels[0]).map((field) => field.path.join('.'))).toEqual(
      expect.arrayContaining(['name.zh-Hans', 'minStamps', 'minQualifyingPoints']),
    );
    const [, trivia] = simpleFields('trivia', triviaPacks[0]);
    expect(trivia?.path.join('.')).toBe('name.zh-Hant');
    expect(fieldValue(trivia!, '  ')).toBeUndefined();
  });

  it("puts a server issue at its item and field; a gate's issues at its rule", () => {
    const issues: ContentIssue[] = [
      { kind: 'quest', id: 'night-owl', path: 'title.vi', message: 'Too small' },
      { kind: 'gate', id: 'vip', path: 'rule.anyOf.0.minBalance', message: 'Too small' },
      { kind: 'status', id: '', path: '', message: 'the first level must need 0 stamps' },
    ];
    expect(issuesOf(issues, 'quest', 'night-owl')).toHaveLength(1);
    expect(issuesAt(issuesOf(issues, 'quest', 'night-owl'), ['title', 'vi'])).toHaveLength(1);
    expect(issuesAt(issuesOf(issues, 'quest', 'night-owl'), ['title', 'en'])).toHaveLength(0);
    expect(issues.map(editorPath)).toEqual(['title.vi', 'anyOf.0.minBalance', '']);
    expect(issuesAt(issues, ['anyOf', 0, 'minBalance'])).toHaveLength(1);
  });
});
