import type { Quest, QuestContent } from '../../shared/content/quest-schema.ts';
import type { MemberProgress, QuestProgress } from '../domain/quests/engine.ts';

/**
 * The rules for a journey changed by a publish, applied to a member's stored run before the engine reads it:
 * - progress is kept by quest id and step id (a run remembers its steps' ids, `stepIds`), not by position;
 * - a step already done stays done, even if its count was raised (`stepsDone`);
 * - a step removed no longer counts; a new step starts open at 0;
 * - a completed quest stays completed (new steps do not reopen it; a repeatable one reopens on its cooldown as before);
 * - a quest removed keeps its run, stamps and prizes, and stops advancing (the engine only walks published quests);
 * - a run whose remaining steps are all done once a step was removed completes at the member's next recorded event.
 * Runs stored before issue 20 carry no step ids: their counters are read by position, as they were written.
 */
export function alignRun(quest: Quest, run: QuestProgress): QuestProgress {
  const byId = run.stepIds;
  const done = new Set(run.stepsDone ?? []);
  const steps = quest.steps.map((step, index) => {
    const at = byId ? byId.indexOf(step.id) : index;
    const counted = at >= 0 ? (run.steps[at] ?? 0) : 0;
    return done.has(step.id) ? step.count : Math.min(counted, step.count);
  });
  return markSteps(quest, { ...run, steps });
}

/** A run as stored: its counters with the step ids they belong to and which steps are done, for the next publish. */
export function markSteps(quest: Quest, run: QuestProgress): QuestProgress {
  const stepIds = quest.steps.map((step) => step.id);
  const stepsDone = quest.steps
    .filter((step, index) => (run.steps[index] ?? 0) >= step.count)
    .map((s) => s.id);
  return { ...run, stepIds, stepsDone };
}

/** A member's progress with every run of a published quest aligned to its current steps; other runs kept as stored. */
export function alignProgress(progress: MemberProgress, content: QuestContent): MemberProgress {
  const quests: Record<string, QuestProgress> = { ...progress.quests };
  for (const quest of content.quests) {
    const run = quests[quest.id];
    if (run) quests[quest.id] = alignRun(quest, run);
  }
  return { ...progress, quests };
}
