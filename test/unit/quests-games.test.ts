import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  type MemberProgress,
  type QuestEvent,
  reduceQuests,
} from '../../server/domain/quests/engine.ts';
import {
  checkQuestContent,
  parseItems,
  Quest,
  type QuestContent,
} from '../../shared/content/quest-schema.ts';
import { questContent } from '../../shared/content/quests.ts';

const text = { en: 't', 'zh-Hant': 't', 'zh-Hans': 't', vi: 't' };
const T0 = Date.parse('2026-06-10T12:00:00Z');

const content: QuestContent = checkQuestContent('test', {
  stamps: questContent.stamps,
  levels: questContent.levels,
  quests: parseItems('test', 'quest', Quest, [
    {
      id: 'arcade-regular',
      title: text,
      description: text,
      steps: [
        { id: 'play-plane', kind: 'playGame', gameId: 'plane', count: 2, label: text },
        { id: 'trivia-800', kind: 'reachScore', gameId: 'trivia', score: 800, label: text },
        { id: 'win-bags', kind: 'win', gameId: 'bags', label: text },
      ],
      rewards: { stamps: ['collector'], points: 30, prizes: ['lounge-day-pass'] },
    },
  ]),
});

let seq = 0;
const finished = (gameId: string, score: number, won = false): QuestEvent => ({
  id: `room:${++seq}:member`,
  kind: 'gameFinished',
  gameId,
  score,
  won,
});

function run(events: QuestEvent[], start: MemberProgress = emptyProgress()) {
  let progress = start;
  const effects = [];
  for (const event of events) {
    const result = reduceQuests(progress, event, T0, content);
    progress = result.progress;
    effects.push(...result.effects);
  }
  return { progress, effects };
}

const steps = (progress: MemberProgress) => progress.quests['arcade-regular']?.steps;

describe('quest engine: games', () => {
  it('counts every finished round of the named game toward playGame, whatever the score', () => {
    expect(steps(run([finished('plane', 0)]).progress)).toEqual([1, 0, 0]);
    expect(steps(run([finished('plane', 0), finished('plane', 2400, true)]).progress)).toEqual([2, 0, 0]);
    expect(run([finished('trivia', 0), finished('bags', 0)]).effects).toEqual([]);
  });

  it('counts reachScore only at or above the step score, in the named game', () => {
    expect(run([finished('trivia', 799), finished('plane', 5000)]).effects).toEqual([
      { type: 'StepAdvanced', questId: 'arcade-regular', stepId: 'play-plane', progress: 1, target: 2 },
    ]);
    expect(steps(run([finished('trivia', 800)]).progress)).toEqual([0, 1, 0]);
  });

  it('counts win only for a round that was won, in the named game', () => {
    expect(run([finished('bags', 900, false)]).effects).toEqual([]);
    expect(run([finished('trivia', 900, true)]).effects.map((e) => e.type)).toEqual(['StepAdvanced']);
    expect(steps(run([finished('bags', 900, true)]).progress)).toEqual([0, 0, 1]);
  });

  it('completes the journey from games alone, and pays once', () => {
    const { progress, effects } = run([
      finished('plane', 10),
      finished('trivia', 1200),
      finished('plane', 10),
      finished('bags', 600, true),
    ]);
    expect(effects.slice(-5).map((e) => e.type)).toEqual([
      'StepAdvanced',
      'QuestCompleted',
      'StampEarned',
      'PointsAdded',
      'PrizeWon',
    ]);
    expect(progress.points).toBe(30);
    expect(run([finished('bags', 900, true), finished('plane', 3)], progress).effects).toEqual([]);
  });

  it('advances the shipped Frequent Flyer from each game', () => {
    const shipped = (event: QuestEvent) =>
      reduceQuests(emptyProgress(), event, T0, questContent).effects.map(
        (e) => e.type === 'StepAdvanced' && e.stepId,
      );
    expect(shipped(finished('plane', 1))).toEqual(['play-plane']);
    expect(shipped(finished('bags', 0))).toEqual(['play-bags']);
    expect(shipped(finished('trivia', 800))).toEqual(['play-trivia', 'trivia-score']);
  });
});
