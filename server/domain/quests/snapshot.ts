import { type PointsProgram, pointsProgram } from '../../../shared/content/points-program.ts';
import type { QuestContent, StatusLevel } from '../../../shared/content/quest-schema.ts';
import type { QuestStatus, QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { statusFor as statusByPoints } from '../points/status.ts';
import { availableAt, inWindow, type MemberProgress, prerequisitesMet } from './engine.ts';

/** The snapshot's status, with its qualifying-points figures (`qualifying`) when points were read. */
export type SnapshotStatus = QuestsSnapshot['status'];

/** A member's qualifying points by UTC calendar year at `now` (server/points/member-status.ts reads them). */
export interface QualifyingInput {
  byYear: Readonly<Record<number, number>>;
  now: number;
  /** The brand's points program (shared/content/points-program.ts) when omitted. */
  program?: PointsProgram;
}

/**
 * The highest level a member reaches, and the next one stamps reach. By stamps alone without `qualifying`; with it,
 * also by a calendar year's qualifying points (held through the next year plus grace), with those figures.
 */
export function statusFor(
  stampCount: number,
  levels: readonly StatusLevel[],
  qualifying?: QualifyingInput,
): SnapshotStatus {
  const sorted = [...levels].sort((a, b) => a.minStamps - b.minStamps);
  if (!qualifying || sorted.length === 0) {
    const reached = sorted.filter((level) => level.minStamps <= stampCount).at(-1);
    const next = sorted.find((level) => level.minStamps > stampCount);
    return {
      level: reached?.id ?? sorted[0]?.id ?? '',
      stamps: stampCount,
      next: next ? { level: next.id, minStamps: next.minStamps } : null,
    };
  }
  const held = statusByPoints(
    { stamps: stampCount, qualifyingPointsByYear: qualifying.byYear, now: qualifying.now },
    sorted,
    qualifying.program ?? pointsProgram,
  );
  const rank = sorted.findIndex((level) => level.id === held.level);
  const next = sorted.slice(rank + 1).find((level) => level.minStamps > stampCount);
  return {
    level: held.level,
    stamps: stampCount,
    next: next ? { level: next.id, minStamps: next.minStamps } : null,
    qualifying: {
      thisYear: held.thisYear,
      until: held.basis.by === 'points' ? held.basis.until : null,
      next: held.nextByPoints,
    },
  };
}

/** Whether a member's status (by stamps, and by qualifying points when given) is a level that opens `room`. */
export function statusOpensRoom(
  stampCount: number,
  room: string,
  levels: readonly StatusLevel[],
  qualifying?: QualifyingInput,
): boolean {
  const sorted = [...levels].sort((a, b) => a.minStamps - b.minStamps);
  const rank = sorted.findIndex((level) => level.id === statusFor(stampCount, sorted, qualifying).level);
  // Higher levels keep what lower ones open.
  return sorted.slice(0, rank + 1).some((level) => level.opensRooms.includes(room));
}

/** Builds what a member sees of their journeys at `now`; stamps' where and chain state come from the ledger. */
export function buildSnapshot(
  progress: MemberProgress,
  stamps: QuestsSnapshot['stamps'],
  prizes: QuestsSnapshot['prizes'],
  now: number,
  content: QuestContent,
  /** The member's qualifying points by UTC year; omitted, status is by stamps alone. */
  qualifyingByYear?: Readonly<Record<number, number>>,
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
    status: statusFor(
      stamps.length,
      content.levels,
      qualifyingByYear ? { byYear: qualifyingByYear, now } : undefined,
    ),
  };
}
