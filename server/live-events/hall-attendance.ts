import type { AppContext } from '../context.ts';
import { attendEventMinutes } from '../domain/live-events/milestones.ts';
import type { EventTimes } from '../domain/live-events/status.ts';
import { liveOverlapMs } from '../domain/live-events/status.ts';
import { closeVisit, earlierLiveMs, openVisit } from './attendance.ts';

interface Stay {
  memberId: string;
  joinedAt: number;
  visitId: Promise<number | undefined>;
  /** Live ms of earlier stays; undefined until read from the ledger. */
  earlierMs: number | undefined;
  reached: Set<number>;
}

/** One hall instance's stays: written to the ledger, added up with earlier stays, milestones reported once each. */
export class HallAttendance {
  private readonly stays = new Map<string, Stay>();
  private readonly milestones: number[];

  constructor(
    private readonly ctx: AppContext,
    private readonly event: EventTimes & { id: string; attendMinutes: number },
    private readonly roomId: () => string,
    /** A member reached `minutes` of live presence (the attendance threshold or a quest step's). */
    private readonly onMilestone: (memberId: string, minutes: number, earnsStamp: boolean) => void,
  ) {
    this.milestones = attendEventMinutes(event.attendMinutes);
  }

  joined(sessionId: string, memberId: string, now = Date.now()): void {
    const { db } = this.ctx.ledger;
    const stay: Stay = {
      memberId,
      joinedAt: now,
      visitId: openVisit(db, this.event.id, memberId, this.roomId(), new Date(now)).catch((err) => {
        this.ctx.logger.error({ err, memberId, eventId: this.event.id }, 'visit not recorded');
        return undefined;
      }),
      earlierMs: undefined,
      reached: new Set(),
    };
    this.stays.set(sessionId, stay);
    earlierLiveMs(db, this.event, memberId)
      .then((ms) => {
        stay.earlierMs = ms;
      })
      .catch((err) => this.ctx.logger.error({ err, memberId }, 'earlier visits not read'));
  }

  left(sessionId: string, now = Date.now()): Promise<void> {
    const stay = this.stays.get(sessionId);
    if (!stay) return Promise.resolve();
    this.stays.delete(sessionId);
    return stay.visitId.then((id) =>
      id === undefined ? undefined : closeVisit(this.ctx.ledger.db, id, new Date(now)),
    );
  }

  /** Called about once a second: reports each milestone a present member has just passed. */
  tick(now = Date.now()): void {
    for (const stay of this.stays.values()) {
      if (stay.earlierMs === undefined) continue;
      const minutes = (stay.earlierMs + liveOverlapMs(this.event, stay.joinedAt, now)) / 60_000;
      for (const milestone of this.milestones) {
        if (minutes < milestone || stay.reached.has(milestone)) continue;
        stay.reached.add(milestone);
        this.onMilestone(stay.memberId, milestone, milestone === this.event.attendMinutes);
      }
    }
  }

  /** Closes every open stay (the instance is going away). */
  async closeAll(now = Date.now()): Promise<void> {
    await Promise.all([...this.stays.keys()].map((sessionId) => this.left(sessionId, now)));
  }
}
