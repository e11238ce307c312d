import type { Quest, QuestContent, QuestStep } from '../../../shared/content/quest-schema.ts';
import type { Emote } from '../../../shared/protocol/lounge-messages.ts';

/** A domain event the quest engine understands; `id` is unique per occurrence (the ledger's key). */
export type QuestEvent = { id: string; place?: string } & (
  | { kind: 'zoneVisited'; zone: string }
  | { kind: 'interacted'; objectId: string }
  | { kind: 'emoted'; emote: Emote; nearestM: number | null }
  | { kind: 'chatted' }
  | { kind: 'dayVisited'; day: string }
  | { kind: 'gameFinished'; gameId: string; score: number; won: boolean }
  | { kind: 'nftHeld'; contract: string }
  /** A member stayed at a live event; `minutes` is how long in all (the event room decides). */
  | { kind: 'eventAttended'; liveEventId: string; minutes: number }
);

/** One quest's run: counters per step (content order), distinct days seen, and completions so far. */
export interface QuestProgress {
  steps: number[];
  days: string[];
  done: boolean;
  completions: number;
  completedAt: number | null;
  /** The step ids `steps` counts, in order (issue 20: a published journey may change; see server/content/journey.ts). */
  stepIds?: string[];
  /** Steps done when last written: they stay done if a publish raises their count. */
  stepsDone?: string[];
}

/** Everything the engine reads and writes for one member. */
export interface MemberProgress {
  quests: Record<string, QuestProgress>;
  /** Stamp id -> epoch ms earned. */
  stamps: Record<string, number>;
  points: number;
}

export type QuestEffect =
  | { type: 'StepAdvanced'; questId: string; stepId: string; progress: number; target: number }
  | { type: 'QuestCompleted'; questId: string; completions: number }
  | { type: 'StampEarned'; questId: string; stampId: string }
  | { type: 'PointsAdded'; questId: string; points: number }
  | { type: 'PrizeWon'; questId: string; prizeId: string };

export const emptyProgress = (): MemberProgress => ({ quests: {}, stamps: {}, points: 0 });

const HOUR_MS = 3_600_000;

/** Whether a quest's window is open at `now`. */
export function inWindow(quest: Quest, now: number): boolean {
  if (quest.startsAt && now < Date.parse(quest.startsAt)) return false;
  return !(quest.endsAt && now >= Date.parse(quest.endsAt));
}

/** Whether every prerequisite has been completed at least once. */
export function prerequisitesMet(quest: Quest, progress: MemberProgress): boolean {
  return quest.prerequisites.every((id) => (progress.quests[id]?.completions ?? 0) > 0);
}

/** When a completed repeatable quest opens again; null for one that is not repeatable or not completed. */
export function availableAt(quest: Quest, run: QuestProgress | undefined): number | null {
  if (!quest.repeatable || !run?.done || run.completedAt === null) return null;
  return run.completedAt + quest.repeatable.cooldownHours * HOUR_MS;
}

/** The run an event may advance now, or undefined when the quest is closed to it. */
function openRun(quest: Quest, progress: MemberProgress, now: number): QuestProgress | undefined {
  if (!inWindow(quest, now) || !prerequisitesMet(quest, progress)) return undefined;
  const run = progress.quests[quest.id];
  if (!run)
    return { steps: quest.steps.map(() => 0), days: [], done: false, completions: 0, completedAt: null };
  if (!run.done) return run;
  const reopens = availableAt(quest, run);
  if (reopens === null || now < reopens) return undefined;
  return { ...run, steps: quest.steps.map(() => 0), days: [], done: false };
}

/** What an event adds to one step: the step's new progress, or undefined when it does not count. */
function advance(
  step: QuestStep,
  current: number,
  run: QuestProgress,
  event: QuestEvent,
): number | undefined {
  switch (step.kind) {
    case 'visitZone':
      return event.kind === 'zoneVisited' && event.zone === step.zone ? current + 1 : undefined;
    case 'interact':
      return event.kind === 'interacted' && event.objectId === step.objectId ? current + 1 : undefined;
    case 'emoteNear':
      return event.kind === 'emoted' &&
        (!step.emote || event.emote === step.emote) &&
        event.nearestM !== null &&
        event.nearestM <= step.withinM
        ? current + 1
        : undefined;
    case 'chat':
      return event.kind === 'chatted' ? current + 1 : undefined;
    case 'returnDays':
      return event.kind === 'dayVisited' && !run.days.includes(event.day) ? run.days.length + 1 : undefined;
    case 'playGame':
      return event.kind === 'gameFinished' && event.gameId === step.gameId ? current + 1 : undefined;
    case 'reachScore':
      return event.kind === 'gameFinished' && event.gameId === step.gameId && event.score >= step.score
        ? current + 1
        : undefined;
    case 'win':
      return event.kind === 'gameFinished' && event.gameId === step.gameId && event.won
        ? current + 1
        : undefined;
    case 'attendEvent':
      return event.kind === 'eventAttended' && event.minutes >= step.minutes ? current + 1 : undefined;
    case 'holdNft':
      return event.kind === 'nftHeld' && event.contract === step.contract ? current + 1 : undefined;
    default:
      // collectStamps settles from held stamps.
      return undefined;
  }
}

/** Applies one event to a member's quests: pure and deterministic; `now` is epoch ms. */
export function reduceQuests(
  progress: MemberProgress,
  event: QuestEvent,
  now: number,
  content: QuestContent,
): { progress: MemberProgress; effects: QuestEffect[] } {
  const next: MemberProgress = structuredClone(progress);
  const effects: QuestEffect[] = [];
  const moveStep = (quest: Quest, run: QuestProgress, index: number, value: number) => {
    const step = quest.steps[index] as QuestStep;
    const capped = Math.min(value, step.count);
    if (capped <= (run.steps[index] ?? 0)) return false;
    run.steps[index] = capped;
    effects.push({
      type: 'StepAdvanced',
      questId: quest.id,
      stepId: step.id,
      progress: capped,
      target: step.count,
    });
    return true;
  };

  for (const quest of content.quests) {
    const open = openRun(quest, next, now);
    if (!open) continue;
    const run = structuredClone(open);
    // A publish that removed a run's last open step leaves it met but not done: it completes now.
    let moved = !run.done && quest.steps.every((step, index) => (run.steps[index] ?? 0) >= step.count);
    quest.steps.forEach((step, index) => {
      const value = advance(step, run.steps[index] ?? 0, run, event);
      if (value === undefined) return;
      if (step.kind === 'returnDays' && event.kind === 'dayVisited')
        run.days = [...run.days, event.day].sort();
      moved = moveStep(quest, run, index, value) || moved;
    });
    if (moved) {
      next.quests[quest.id] = run;
      complete(quest, run, next, now, effects);
    }
  }

  // Stamps earned above may finish collectStamps steps (and unlock quests that need them): settle until quiet.
  for (let settled = false; !settled; ) {
    settled = true;
    for (const quest of content.quests) {
      if (!quest.steps.some((step) => step.kind === 'collectStamps')) continue;
      const open = openRun(quest, next, now);
      if (!open) continue;
      const run = structuredClone(open);
      let moved = false;
      quest.steps.forEach((step, index) => {
        if (step.kind !== 'collectStamps') return;
        const held = Object.keys(next.stamps).filter((id) => !step.stampIds || step.stampIds.includes(id));
        moved = moveStep(quest, run, index, held.length) || moved;
      });
      if (!moved) continue;
      settled = false;
      next.quests[quest.id] = run;
      complete(quest, run, next, now, effects);
    }
  }
  return { progress: next, effects };
}

function complete(
  quest: Quest,
  run: QuestProgress,
  next: MemberProgress,
  now: number,
  effects: QuestEffect[],
): void {
  if (!quest.steps.every((step, index) => (run.steps[index] ?? 0) >= step.count)) return;
  run.done = true;
  run.completions += 1;
  run.completedAt = now;
  effects.push({ type: 'QuestCompleted', questId: quest.id, completions: run.completions });
  for (const stampId of quest.rewards.stamps) {
    if (next.stamps[stampId] !== undefined) continue;
    next.stamps[stampId] = now;
    effects.push({ type: 'StampEarned', questId: quest.id, stampId });
  }
  if (quest.rewards.points > 0) {
    next.points += quest.rewards.points;
    effects.push({ type: 'PointsAdded', questId: quest.id, points: quest.rewards.points });
  }
  for (const prizeId of quest.rewards.prizes) effects.push({ type: 'PrizeWon', questId: quest.id, prizeId });
}
