import { describe, expect, it } from 'vitest';
import { alignProgress, alignRun, markSteps } from '../../../server/content/journey.ts';
import {
  type MemberProgress,
  type QuestProgress,
  reduceQuests,
} from '../../../server/domain/quests/engine.ts';
import type { Quest } from '../../../shared/content/quest-schema.ts';
import { Quest as QuestSchema } from '../../../shared/content/quest-schema.ts';

const label = { en: 'Step', 'zh-Hant': '步驟', 'zh-Hans': '步骤', vi: 'Bước' };
const step = (id: string, count = 1) => ({ id, kind: 'chat', label, count });
const quest = (steps: ReturnType<typeof step>[], id = 'journey'): Quest =>
  QuestSchema.parse({
    id,
    title: label,
    description: label,
    steps,
    rewards: { stamps: ['first-visit'], points: 0, prizes: [] },
  });
const run = (q: Quest, steps: number[], done = false): QuestProgress =>
  markSteps(q, { steps, days: [], done, completions: done ? 1 : 0, completedAt: done ? 1 : null });
const content = (quests: Quest[]) => ({ quests, stamps: [], levels: [] });
const chat = (id: string) => ({ id, kind: 'chatted' as const });

describe('journey rules for a changed quest', () => {
  const before = quest([step('a', 2), step('b'), step('c')]);

  it('keeps progress by step id when steps are reordered, and opens a new step at 0', () => {
    const after = quest([step('new'), step('c'), step('a', 2)]);
    expect(alignRun(after, run(before, [1, 1, 0])).steps).toEqual([0, 0, 1]);
  });

  it('keeps a done step done when its count is raised', () => {
    const after = quest([step('a', 5), step('b'), step('c')]);
    expect(alignRun(after, run(before, [2, 0, 0])).steps).toEqual([5, 0, 0]);
  });

  it('drops a removed step; when only done steps remain, the next event completes the quest', () => {
    const after = quest([step('a', 2), step('b')]);
    const progress: MemberProgress = {
      quests: { journey: run(before, [2, 1, 0]) },
      stamps: {},
      points: 0,
    };
    const aligned = alignProgress(progress, content([after]));
    expect(aligned.quests.journey?.steps).toEqual([2, 1]);
    const { effects } = reduceQuests(
      aligned,
      { id: 'e1', kind: 'dayVisited', day: '2026-12-07' },
      10,
      content([after]),
    );
    expect(effects).toContainEqual({ type: 'QuestCompleted', questId: 'journey', completions: 1 });
  });

  it('keeps a completed quest completed when a step is added', () => {
    const after = quest([step('a', 2), step('b'), step('c'), step('d')]);
    const aligned = alignRun(after, run(before, [2, 1, 1], true));
    expect(aligned.done).toBe(true);
    const { effects } = reduceQuests(
      { quests: { journey: aligned }, stamps: {}, points: 0 },
      chat('e2'),
      10,
      content([after]),
    );
    expect(effects).toEqual([]);
  });

  it('stops advancing a removed quest and keeps its run and stamps', () => {
    const progress: MemberProgress = {
      quests: { journey: run(before, [1, 0, 0]) },
      stamps: { 'first-visit': 1 },
      points: 0,
    };
    const other = quest([step('x')], 'other');
    const { progress: next } = reduceQuests(
      alignProgress(progress, content([other])),
      chat('e3'),
      10,
      content([other]),
    );
    expect(next.quests.journey?.steps).toEqual([1, 0, 0]);
    expect(next.stamps['first-visit']).toBe(1);
    expect(next.quests.other?.done).toBe(true);
  });

  it('reads a run stored before step ids by position', () => {
    const legacy: QuestProgress = {
      steps: [1, 1, 0],
      days: [],
      done: false,
      completions: 0,
      completedAt: null,
    };
    expect(alignRun(before, legacy).steps).toEqual([1, 1, 0]);
    expect(alignRun(before, legacy).stepIds).toEqual(['a', 'b', 'c']);
  });
});
