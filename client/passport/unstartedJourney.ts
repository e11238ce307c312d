import type { Quest } from '../../shared/content/quest-schema.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { QuestView } from './journeyStatus.ts';

/**
 * A journey published after the member's last snapshot, as it stands with no progress: the Journal shows it at once
 * (the server's next snapshot then takes over), locked behind unfinished prerequisites, upcoming or ended by its dates.
 */
export function unstartedJourney(quest: Quest, snapshot: QuestsSnapshot, now: number): QuestView {
  const done = new Set(snapshot.quests.filter((view) => view.completions > 0).map((view) => view.id));
  const status = quest.prerequisites.some((id) => !done.has(id))
    ? 'locked'
    : quest.startsAt && Date.parse(quest.startsAt) > now
      ? 'upcoming'
      : quest.endsAt && Date.parse(quest.endsAt) <= now
        ? 'ended'
        : 'active';
  return {
    id: quest.id,
    status,
    completions: 0,
    completedAt: null,
    availableAt: null,
    steps: quest.steps.map((step) => ({ id: step.id, kind: step.kind, progress: 0, target: step.count })),
  };
}
