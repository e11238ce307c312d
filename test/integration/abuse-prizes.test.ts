import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDrops } from '../../server/db/live-event-schema.ts';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { recordGameRound } from '../../server/games/record-round.ts';
import { claimDrop, releaseDrop } from '../../server/live-events/drops.ts';
import { createLiveEvent } from '../../server/live-events/schedule.ts';
import {
  DEFAULT_PRIZES_PER_MEMBER_PER_DAY,
  PRIZE_DAILY_CAP,
  prizesPerMemberPerDay,
} from '../../server/prizes/caps.ts';
import { HALLS, type LiveEventSpec } from '../../shared/content/live-events.ts';
import { questContent } from '../../shared/content/quests.ts';

// One member farming prizes in one UTC day: game wins past the daily cap are refused, and a drop keeps its place
// for someone else. Embedded PGlite, fresh members, dates long past so nothing else in the ledger is touched.
const dirs: string[] = [];
let ledger: Ledger;
// The first open of a PGlite folder runs every migration: slow on a busy machine, so it gets its own allowance.
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'layover-abuse-prizes-'));
  dirs.push(dir);
  ledger = await openLedger({ dataDir: dir });
}, 240_000);
afterAll(async () => {
  await ledger?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const DAY = 86_400_000;
const t0 = new Date('2020-06-01T08:00:00Z');
const at = (days: number, hours = 0) => new Date(t0.getTime() + days * DAY + hours * 3_600_000);

/** A won game round worth a prize; each game gives its prize once per member per day, so vary the game id. */
function winRound(memberId: string, gameId: string, when: Date) {
  return recordGameRound(ledger.db, {
    eventId: randomUUID(),
    gameId,
    memberId,
    score: 9_000,
    won: true,
    at: when,
    winnerPrize: 'upgrade-voucher',
    content: questContent,
    requires: 'any',
  });
}

describe('daily prize cap per member', () => {
  it('reads PRIZES_PER_MEMBER_PER_DAY, defaulting to 5, and refuses nonsense', () => {
    expect(prizesPerMemberPerDay({})).toBe(DEFAULT_PRIZES_PER_MEMBER_PER_DAY);
    expect(prizesPerMemberPerDay({ prizes: { perMemberPerDay: 2 } })).toBe(2);
    expect(() => prizesPerMemberPerDay({ prizes: { perMemberPerDay: 0 } })).toThrow(
      /PRIZES_PER_MEMBER_PER_DAY/,
    );
  });

  it('refuses a farmer the prize past the cap that day, and gives prizes again the next day', async () => {
    const farmer = await createMember(ledger.db, { displayName: 'Farmer' });
    const cap = prizesPerMemberPerDay();
    const rows = [];
    for (let game = 0; game <= cap; game++)
      rows.push((await winRound(farmer.id, `game-${game}`, at(0, game % 10)))?.prize);
    expect(rows.slice(0, cap).every((row) => row && row.status !== 'failed')).toBe(true);
    expect(rows[cap]).toMatchObject({ status: 'failed', lastError: PRIZE_DAILY_CAP, recipient: null });

    const tomorrow = await winRound(farmer.id, 'game-0', at(1));
    expect(tomorrow?.prize?.status).not.toBe('failed');
  });

  it('keeps a drop place for someone else when the claimer is over the cap', async () => {
    const { db } = ledger;
    const farmer = await createMember(db, { displayName: 'Farmer' });
    for (let game = 0; game < prizesPerMemberPerDay(); game++)
      await winRound(farmer.id, `drop-game-${game}`, at(5));
    const live = await createLiveEvent(
      db,
      {
        title: 'Cap test',
        description: '',
        startsAt: at(5).toISOString(),
        durationMinutes: 60,
        hall: HALLS[0].id,
        access: { kind: 'anyone' },
        attendanceStampId: 'first-visit',
        attendMinutes: 1,
        drops: [],
      } as LiveEventSpec,
      'test',
    );
    const drop = await releaseDrop(
      db,
      live.id,
      { id: 'voucher', prizeId: 'upgrade-voucher', supply: 1, windowSeconds: 600, mode: 'first' },
      at(5),
    );
    expect(drop).toBeDefined();
    expect((await claimDrop(db, live.id, 'voucher', farmer.id, at(5, 0.01), undefined, 'any')).outcome).toBe(
      'dailyCap',
    );
    const [row] = await db.select().from(eventDrops).where(eq(eventDrops.eventId, live.id));
    expect(row?.claimed).toBe(0);
    const fair = await createMember(db, { displayName: 'Fair' });
    expect((await claimDrop(db, live.id, 'voucher', fair.id, at(5, 0.02), undefined, 'any')).outcome).toBe(
      'won',
    );
  });
});
