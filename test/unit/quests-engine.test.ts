import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  type MemberProgress,
  type QuestEvent,
  reduceQuests,
} from '../../server/domain/quests/engine.ts';
import { buildSnapshot, statusFor, statusOpensRoom } from '../../server/domain/quests/snapshot.ts';
import {
  checkQuestContent,
  parseItems,
  Quest,
  type QuestContent,
} from '../../shared/content/quest-schema.ts';
import { questContent } from '../../shared/content/quests.ts';

const text = { en: 't', 'zh-Hant': 't', 'zh-Hans': 't', vi: 't' };
const T0 = Date.parse('2026-12-10T12:00:00Z');
const HOUR = 3_600_000;

// A small content set that exercises every rule the engine has.
const content: QuestContent = checkQuestContent('test', {
  stamps: questContent.stamps,
  levels: questContent.levels,
  quests: parseItems('test', 'quest', Quest, [
    {
      id: 'first-visit',
      title: text,
      description: text,
      steps: [
        { id: 'window', kind: 'visitZone', zone: 'window', label: text },
        { id: 'wave', kind: 'emoteNear', emote: 'wave', withinM: 4, label: text },
        { id: 'board', kind: 'interact', objectId: 'departures-board', label: text },
      ],
      rewards: { stamps: ['first-visit'], points: 100, prizes: ['gold-pass'] },
    },
    {
      id: 'daily-toast',
      title: text,
      description: text,
      prerequisites: ['first-visit'],
      startsAt: '2026-12-01T00:00:00Z',
      endsAt: '2027-01-15T00:00:00Z',
      repeatable: { cooldownHours: 24 },
      steps: [{ id: 'chat', kind: 'chat', count: 2, label: text }],
      rewards: { stamps: ['winter-lights'], points: 50 },
    },
    {
      id: 'regular',
      title: text,
      description: text,
      steps: [
        { id: 'days', kind: 'returnDays', count: 3, label: text },
        { id: 'play', kind: 'playGame', gameId: 'trivia', label: text },
      ],
      rewards: {},
    },
    {
      id: 'collector',
      title: text,
      description: text,
      steps: [{ id: 'two', kind: 'collectStamps', count: 2, label: text }],
      rewards: { stamps: ['collector'], points: 200 },
    },
  ]),
});

let seq = 0;
const ev = (event: Omit<QuestEvent, 'id'> & Record<string, unknown>): QuestEvent =>
  ({ id: `e${++seq}`, ...event }) as QuestEvent;

/** Applies events in order and collects every effect. */
function run(events: QuestEvent[], start = emptyProgress(), now = T0) {
  let progress: MemberProgress = start;
  const effects = [];
  for (const event of events) {
    const result = reduceQuests(progress, event, now, content);
    progress = result.progress;
    effects.push(...result.effects);
  }
  return { progress, effects };
}

const firstVisit = () => [
  ev({ kind: 'zoneVisited', zone: 'window' }),
  ev({ kind: 'emoted', emote: 'wave', nearestM: 2 }),
  ev({ kind: 'interacted', objectId: 'departures-board' }),
];

describe('quest engine', () => {
  it('completes First Visit step by step and grants stamp, points and prize once', () => {
    const { progress, effects } = run(firstVisit());
    expect(effects.map((effect) => effect.type)).toEqual([
      'StepAdvanced',
      'StepAdvanced',
      'StepAdvanced',
      'QuestCompleted',
      'StampEarned',
      'PointsAdded',
      'PrizeWon',
      // The stamp counts toward Collector's collectStamps step at once.
      'StepAdvanced',
    ]);
    expect(progress.stamps).toEqual({ 'first-visit': T0 });
    expect(progress.points).toBe(100);
    expect(progress.quests['first-visit']).toMatchObject({ done: true, completions: 1, steps: [1, 1, 1] });
    // A non-repeatable quest never goes back or pays twice.
    const again = run(firstVisit(), progress, T0 + 1000 * HOUR);
    expect(again.effects).toEqual([]);
    expect(again.progress).toEqual(progress);
  });

  it('counts an emote only when it is the right one and someone is near enough', () => {
    for (const event of [
      ev({ kind: 'emoted', emote: 'wave', nearestM: 4.5 }),
      ev({ kind: 'emoted', emote: 'wave', nearestM: null }),
      ev({ kind: 'emoted', emote: 'clap', nearestM: 1 }),
      ev({ kind: 'interacted', objectId: 'bar' }),
      ev({ kind: 'zoneVisited', zone: 'bar' }),
    ]) {
      expect(reduceQuests(emptyProgress(), event, T0, content).effects).toEqual([]);
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const events = firstVisit();
    const start = emptyProgress();
    const frozen = structuredClone(start);
    expect(run(events, start)).toEqual(run(events, start));
    expect(start).toEqual(frozen);
  });

  it('holds a quest until its prerequisites are done', () => {
    const chats = [ev({ kind: 'chatted' }), ev({ kind: 'chatted' })];
    expect(run(chats).progress.quests['daily-toast']).toBeUndefined();
    const after = run(chats, run(firstVisit()).progress);
    expect(after.progress.quests['daily-toast']).toMatchObject({ done: true, completions: 1 });
  });

  it('advances a quest only inside its time window', () => {
    const ready = run(firstVisit()).progress;
    const chats = [ev({ kind: 'chatted' }), ev({ kind: 'chatted' })];
    expect(run(chats, ready, Date.parse('2026-11-30T23:59:59Z')).effects).toEqual([]);
    expect(run(chats, ready, Date.parse('2027-01-15T00:00:00Z')).effects).toEqual([]);
    expect(run(chats, ready, Date.parse('2027-01-14T23:59:59Z')).effects).not.toEqual([]);
  });

  it('repeats a repeatable quest only after its cooldown, without a second stamp', () => {
    const ready = run(firstVisit()).progress;
    const twice = () => [ev({ kind: 'chatted' }), ev({ kind: 'chatted' })];
    const once = run(twice(), ready, T0);
    expect(once.progress.points).toBe(350);
    const early = run(twice(), once.progress, T0 + 23 * HOUR);
    expect(early.effects).toEqual([]);
    const later = run(twice(), once.progress, T0 + 24 * HOUR);
    expect(later.progress.quests['daily-toast']).toMatchObject({
      completions: 2,
      completedAt: T0 + 24 * HOUR,
    });
    expect(later.effects.map((effect) => effect.type)).toEqual([
      'StepAdvanced',
      'StepAdvanced',
      'QuestCompleted',
      'PointsAdded',
    ]);
    expect(later.progress.points).toBe(400);
  });

  it('counts distinct days only, and games not at all yet', () => {
    const days = ['2026-12-01', '2026-12-01', '2026-12-02', '2026-12-02', '2026-12-05', '2026-12-06'];
    const { progress } = run(days.map((day) => ev({ kind: 'dayVisited', day })));
    expect(progress.quests.regular).toMatchObject({
      steps: [3, 0],
      days: ['2026-12-01', '2026-12-02', '2026-12-05'],
      done: false,
    });
  });

  it('settles collectStamps from stamps earned in the same event', () => {
    const ready = run(firstVisit()).progress;
    const { progress, effects } = run([ev({ kind: 'chatted' }), ev({ kind: 'chatted' })], ready);
    expect(Object.keys(progress.stamps).sort()).toEqual(['collector', 'first-visit', 'winter-lights']);
    expect(
      effects.filter((effect) => effect.type === 'QuestCompleted').map((effect) => effect.questId),
    ).toEqual(['daily-toast', 'collector']);
    expect(progress.points).toBe(350);
  });

  it('never lets progress go backwards on a non-repeatable quest, whatever the order of events', () => {
    const pool = [...firstVisit(), ...[1, 2, 3].map((d) => ev({ kind: 'dayVisited', day: `2026-12-0${d}` }))];
    for (let trial = 0; trial < 50; trial++) {
      const shuffled = [...pool];
      // Seeded Fisher-Yates: a different, repeatable order per trial.
      let seed = trial + 1;
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 16807) % 2147483647;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as QuestEvent, shuffled[i] as QuestEvent];
      }
      let progress = emptyProgress();
      for (const event of shuffled) {
        const next = reduceQuests(progress, event, T0, content).progress;
        for (const [id, runState] of Object.entries(progress.quests)) {
          const after = next.quests[id];
          for (const [index, value] of runState.steps.entries()) {
            expect(after?.steps[index]).toBeGreaterThanOrEqual(value);
          }
        }
        progress = next;
      }
      expect(progress.quests['first-visit']?.done).toBe(true);
    }
  });
});

describe('quest snapshot and status', () => {
  it('reaches status levels by stamp count', () => {
    expect(statusFor(0, content.levels)).toEqual({
      level: 'guest',
      stamps: 0,
      next: { level: 'explorer', minStamps: 1 },
    });
    expect(statusFor(3, content.levels).level).toBe('frequent-flyer');
    expect(statusFor(9, content.levels)).toMatchObject({ level: 'jetsetter', next: null });
  });

  it('shows locked, active, completed and ended quests', () => {
    const progress = run(firstVisit()).progress;
    const statuses = (now: number, p: MemberProgress) =>
      Object.fromEntries(
        buildSnapshot(p, [], [], now, content).quests.map((quest) => [quest.id, quest.status]),
      );
    expect(statuses(T0, emptyProgress())).toMatchObject({ 'first-visit': 'active', 'daily-toast': 'locked' });
    expect(statuses(T0, progress)).toMatchObject({ 'first-visit': 'completed', 'daily-toast': 'active' });
    expect(statuses(Date.parse('2026-11-01T00:00:00Z'), progress)).toMatchObject({
      'daily-toast': 'upcoming',
    });
    expect(statuses(Date.parse('2027-02-01T00:00:00Z'), progress)).toMatchObject({ 'daily-toast': 'ended' });
  });
});

describe('holdNft steps', () => {
  it('advance on nftHeld of the named contract only, once per event id', () => {
    const partner = questContent.quests.find((quest) => quest.id === 'partner-lounge');
    expect(partner?.steps[0]).toMatchObject({ kind: 'holdNft', contract: 'PartnerPass' });
    const other: QuestEvent = { id: 'e1', kind: 'nftHeld', contract: 'SomeoneElse' };
    const held: QuestEvent = { id: 'e2', kind: 'nftHeld', contract: 'PartnerPass' };
    const none = reduceQuests(emptyProgress(), other, T0, questContent);
    expect(none.progress.quests['partner-lounge']?.done ?? false).toBe(false);
    const done = reduceQuests(none.progress, held, T0, questContent);
    expect(done.progress.quests['partner-lounge']?.done).toBe(true);
    expect(done.effects).toContainEqual({
      type: 'StampEarned',
      questId: 'partner-lounge',
      stampId: 'partner-lounge',
    });
  });
});

describe('status perks', () => {
  it('open the VIP lounge from Jetsetter up, never below', () => {
    const { levels } = questContent;
    const jetsetter = levels.find((level) => level.id === 'jetsetter');
    expect(jetsetter?.opensRooms).toEqual(['vip']);
    expect(statusOpensRoom((jetsetter?.minStamps ?? 0) - 1, 'vip', levels)).toBe(false);
    expect(statusOpensRoom(jetsetter?.minStamps ?? 0, 'vip', levels)).toBe(true);
    expect(statusOpensRoom(50, 'vip', levels)).toBe(true);
    expect(statusOpensRoom(50, 'suite', levels)).toBe(false);
  });
});

describe('attendEvent steps', () => {
  it('advance only on an attendance at least as long as the step asks', () => {
    const step = questContent.quests
      .find((quest) => quest.id === 'frequent-flyer')
      ?.steps.find((candidate) => candidate.kind === 'attendEvent');
    expect(step).toMatchObject({ id: 'live-event', minutes: 10 });
    const short: QuestEvent = { id: 'a1', kind: 'eventAttended', liveEventId: 'launch', minutes: 9 };
    const long: QuestEvent = { id: 'a2', kind: 'eventAttended', liveEventId: 'launch', minutes: 10 };
    const progressOf = (p: MemberProgress) => p.quests['frequent-flyer']?.steps[4] ?? 0;
    const afterShort = reduceQuests(emptyProgress(), short, T0, questContent).progress;
    expect(progressOf(afterShort)).toBe(0);
    expect(progressOf(reduceQuests(afterShort, long, T0, questContent).progress)).toBe(1);
  });
});
