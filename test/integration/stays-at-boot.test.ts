import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.ts';
import { eventVisits } from '../../server/db/live-event-schema.ts';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { attendanceSeries } from '../../server/live-events/analytics.ts';
import { HallAttendance, STAY_LEASE_MS } from '../../server/live-events/hall-attendance.ts';
import { createLiveEvent, type LiveEventRow } from '../../server/live-events/schedule.ts';
import { waitFor } from '../support/layover.ts';
import { fakeContext } from '../unit/server-fake-context.ts';

const MINUTE = 60_000;
let dir: string;
let ledger: Ledger;
let ctx: AppContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-stays-'));
  ledger = await openLedger({ dataDir: dir });
  ctx = { ...fakeContext().ctx, ledger };
});

afterAll(async () => {
  await ledger?.close();
  await rm(dir, { recursive: true, force: true });
});

function hall(event: LiveEventRow, roomId: string, milestones: number[] = []): HallAttendance {
  return new HallAttendance(
    ctx,
    { ...event, attendMinutes: 20 },
    () => roomId,
    (_member, minutes) => milestones.push(minutes),
  );
}

async function visitsOf(memberId: string) {
  return ledger.db.select().from(eventVisits).where(eq(eventVisits.memberId, memberId));
}

/** Polls the ledger until `check` holds for the member's visits (writes are fire and forget). */
async function visitsWhen(memberId: string, check: (rows: Awaited<ReturnType<typeof visitsOf>>) => boolean) {
  let rows = await visitsOf(memberId);
  await waitFor(() => check(rows) || void visitsOf(memberId).then((next) => (rows = next)), 10_000, 'visits');
  return rows;
}

describe('a stay held by a process that crashed', () => {
  it('ends within one lease of its last heartbeat, so neither the chart nor a rejoin counts the dead time', async () => {
    const start = Date.now() - 60 * MINUTE;
    const event = await createLiveEvent(
      ledger.db,
      {
        title: 'Crash Test Live',
        description: 'A show whose hall process dies.',
        startsAt: new Date(start).toISOString(),
        durationMinutes: 120,
        hall: 'main-stage',
        access: { kind: 'anyone' },
        attendanceStampId: 'live-event',
        attendMinutes: 20,
        drops: [],
      },
      'test',
    );
    const member = await createMember(ledger.db, { displayName: 'Crash Attendee' });

    // The first process seats the member at minute 1 and ticks each second until it is killed at minute 5.
    const crashed = hall(event, 'room-crashed');
    crashed.joined('s1', member.id, start + MINUTE);
    await crashed.recorded('s1');
    for (let t = start + MINUTE; t <= start + 5 * MINUTE; t += 1000) crashed.tick(t);
    const [dead] = await visitsWhen(
      member.id,
      (rows) => (rows[0]?.leftAt?.getTime() ?? 0) >= start + 5 * MINUTE - STAY_LEASE_MS / 3,
    );

    // The stay ends after its last heartbeat and at most one lease later, never at the event's end.
    const leftAt = dead!.leftAt!.getTime();
    expect(leftAt).toBeGreaterThanOrEqual(start + 5 * MINUTE - STAY_LEASE_MS / 3);
    expect(leftAt).toBeLessThanOrEqual(start + 5 * MINUTE + STAY_LEASE_MS);

    // Half an hour later the console's chart shows the member before the crash and nobody from a lease after it.
    const { series } = await attendanceSeries(ledger.db, event, start + 30 * MINUTE);
    const presentBetween = (from: number, to: number) =>
      series
        .filter((point) => Date.parse(point.at) >= from && Date.parse(point.at) < to)
        .map((p) => p.present);
    expect(presentBetween(start + 2 * MINUTE, start + 4 * MINUTE)).toContain(1);
    expect(new Set(presentBetween(start + 7 * MINUTE, start + 30 * MINUTE + 1))).toEqual(new Set([0]));

    // The member comes back to a new process at minute 30: the 4 or 5 minutes before the crash count, not the gap.
    // A stay written before leases (left_at empty) ends one lease after it began when a hall instance starts.
    const legacy = await createMember(ledger.db, { displayName: 'Legacy Attendee' });
    await ledger.db
      .insert(eventVisits)
      .values({ eventId: event.id, memberId: legacy.id, roomId: 'room-old', joinedAt: new Date(start) });
    const milestones: number[] = [];
    const rebooted = hall(event, 'room-rebooted', milestones);
    rebooted.joined('s2', member.id, start + 30 * MINUTE);
    await rebooted.recorded('s2');
    for (let t = start + 30 * MINUTE; t <= start + 44 * MINUTE; t += 1000) rebooted.tick(t);
    expect(milestones).not.toContain(20);
    for (let t = start + 44 * MINUTE; t <= start + 47 * MINUTE; t += 1000) rebooted.tick(t);
    expect(milestones).toContain(20);
    await rebooted.closeAll(start + 47 * MINUTE);
    const [ended] = await visitsWhen(legacy.id, (rows) => rows[0]?.leftAt !== null);
    expect(ended!.leftAt!.getTime()).toBe(start + STAY_LEASE_MS);
  });
});
