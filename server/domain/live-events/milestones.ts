import type { Quest } from '../../../shared/content/quest-schema.ts';

/** Presence milestones worth recording: the event's attendance threshold and every attendEvent step's minutes. */
export function attendEventMinutes(attendMinutes: number, quests: readonly Quest[]): number[] {
  const stepMinutes = quests.flatMap((quest) =>
    quest.steps.flatMap((step) => (step.kind === 'attendEvent' ? [step.minutes] : [])),
  );
  return [...new Set([attendMinutes, ...stepMinutes])].sort((a, b) => a - b);
}
