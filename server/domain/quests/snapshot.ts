import type { QuestContent, StatusLevel } from '../../../shared/content/quest-schema.ts';
import type { QuestStatus, QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { availableAt, inWindow, type MemberProgress, prerequisitesMet } from './engine.ts';

/** The highest level a stamp count reaches, and the one after it. */
export function statusFor(stampCount: number, levels: readonly StatusLevel[]): QuestsSnapshot['status'] {
  const sorted = [...levels].sort((a, b) => a.minStamps - b.minStamps);
  const reached = sorted.filter((level) => level.minStamps <= stampCount).at(-1);
  const next = sorted.find((level) => level.minStamps > stampCount);
  return {
    level: reached?.id ?? sorted[0]?.id ?? '',
    stamps: stampCount,
    next: next ? { level: next.id, minStamps: next.minStamps } : null,
  };
}

/** Whether a member with `stampCount` stamps has reached a level that opens `room`. */
export function statusOpensRoom(stampCount: number, room: string, levels: readonly StatusLevel[]): boolean {
  return levels.some((level) => level.minStamps <= stampCount && level.opensRooms.includes(room));
}

/** Builds what a member sees of their journeys at `now`; stamps' where and chain state come from the ledger. */
export function buildSnapshot(
  progress: MemberProgress,
  stamps: QuestsSnapshot['stamps'],
  prizes: QuestsSnapshot['prizes'],
  now: number,
  content: QuestContent,
): QuestsSnapshot {
  const quests = content.quests.map((quest) => {
    const run = progress.quests[quest.id];
    const reopens = availableAt(quest, run);
    let status: QuestStatus;
    if (run?.done && (reopens === null || now < reopens || !inWindow(quest, now))) status = 'completed';
    else if (quest.startsAt && now < Date.parse(quest.startsAt)) status = 'upcoming';
    else if (!inWindow(quest, now)) status = 'ended';
    else if (!prerequisitesMet(quest, progress)) status = 'locked';
    else status = 'active';
    const fresh = status === 'active' && run?.done;
    return {
      id: quest.id,
      status,
      completions: run?.completions ?? 0,
      completedAt: run?.completedAt ?? null,
      availableAt: reopens,
      steps: quest.steps.map((step, index) => ({
        id: step.id,
        kind: step.kind,
        progress: fresh ? 0 : (run?.steps[index] ?? 0),
        target: step.count,
      })),
    };
  });
  return {
    quests,
    stamps,
    prizes,
    points: progress.points,
    status: statusFor(stamps.length, content.levels),
  };
}
