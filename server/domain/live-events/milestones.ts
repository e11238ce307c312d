import { questContent } from '../../../shared/content/quests.ts';

/** Minutes that attendEvent quest steps ask for; content is fixed at boot. */
const STEP_MINUTES = questContent.quests.flatMap((quest) =>
  quest.steps.flatMap((step) => (step.kind === 'attendEvent' ? [step.minutes] : [])),
);

/** Presence milestones worth recording: the event's attendance threshold and every attendEvent step's minutes. */
export function attendEventMinutes(attendMinutes: number): number[] {
  return [...new Set([attendMinutes, ...STEP_MINUTES])].sort((a, b) => a - b);
}
