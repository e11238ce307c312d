import type { AppContext } from '../context.ts';
import { attendEventMinutes } from '../domain/live-events/milestones.ts';
import type { EventTimes } from '../domain/live-events/status.ts';
import { liveOverlapMs } from '../domain/live-events/status.ts';
import { closeVisit, earlierLiveMs, endUnleasedVisits, openVisit, renewVisits } from './attendance.ts';

/** How long a stay runs on without its process: a crashed process's stays end at most this long after it died. */
export const STAY_LEASE_MS = 60_000;
const RENEW_EVERY_MS = STAY_LEASE_MS / 3;

interface Stay {
  memberId: string;
  joinedAt: number;
  visitId: Promise<number | undefined>;
  /** Known once the stay is written. */
  id: number | undefined;
  /** Live ms of earlier stays; undefined until read from the ledger. */
  earlierMs: number | undefined;
  /** Settles once the stay is written and the earlier stays read. */
  recorded: Promise<void>;
  reached: Set<number>;
}

/** One hall instance's stays: written to the ledger, added up with earlier stays, milestones reported once each. */
export class HallAttendance {
  private readonly stays = new Map<string, Stay>();
  private readonly milestones: number[];
  private nextRenewalAt = 0;
  // The last renewal: a close waits for it, so a late renewal never reopens a closed stay.
  private renewing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: AppContext,
    private readonly event: EventTimes & { id: string; attendMinutes: number },
    private readonly roomId: () => string,
    /** A member reached `minutes` of live presence (the attendance threshold or a quest step's). */
    private readonly onMilestone: (memberId: string, minutes: number, earnsStamp: boolean) => void,
  ) {
    this.milestones = attendEventMinutes(event.attendMinutes, ctx.content.current().bundle.quests);
    endUnleasedVisits(ctx.ledger.db, event.id, STAY_LEASE_MS).catch((err) =>
      ctx.logger.error({ err, eventId: event.id }, 'stays without a lease not ended'),
    );
  }

  joined(sessionId: string, memberId: string, now = Date.now()): void {
    const { db } = this.ctx.ledger;
    const visitId = openVisit(
      db,
      this.event.id,
      memberId,
      this.roomId(),
      new Date(now),
      new Date(now + STAY_LEASE_MS),
    ).catch((err) => {
      this.ctx.logger.error({ err, memberId, eventId: this.event.id }, 'visit not recorded');
      return undefined;
    });
    const stay: Stay = {
      memberId,
      joinedAt: now,
      visitId,
      id: undefined,
      earlierMs: undefined,
      recorded: Promise.resolve(),
      reached: new Set(),
    };
    stay.recorded = visitId
      .then((id) => {
        stay.id = id;
        return earlierLiveMs(db, this.event, memberId, id ?? -1, now);
      })
      .then((ms) => {
        stay.earlierMs = ms;
      })
      .catch((err) => this.ctx.logger.error({ err, memberId }, 'earlier visits not read'));
    this.stays.set(sessionId, stay);
  }

  /** Settles once the session's stay is written and its earlier time known. */
  recorded(sessionId: string): Promise<void> {
    return this.stays.get(sessionId)?.recorded ?? Promise.resolve();
  }

  left(sessionId: string, now = Date.now()): Promise<void> {
    const stay = this.stays.get(sessionId);
    if (!stay) return Promise.resolve();
    this.stays.delete(sessionId);
    return Promise.all([stay.visitId, this.renewing]).then(([id]) =>
      id === undefined ? undefined : closeVisit(this.ctx.ledger.db, id, new Date(now)),
    );
  }

  /** Called about once a second: renews the stays' lease, reports each milestone a present member has just passed. */
  tick(now = Date.now()): void {
    if (now >= this.nextRenewalAt) this.renew(now);
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

  private renew(now: number): void {
    this.nextRenewalAt = now + RENEW_EVERY_MS;
    const ids = [...this.stays.values()].flatMap((stay) => (stay.id === undefined ? [] : [stay.id]));
    if (ids.length === 0) return;
    this.renewing = this.renewing
      .then(() => renewVisits(this.ctx.ledger.db, ids, new Date(now + STAY_LEASE_MS)))
      .catch((err) => this.ctx.logger.error({ err, eventId: this.event.id }, 'stays not renewed'));
  }
}
