import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalytics } from '../../server/analytics/refresh.ts';
import { analyticsDaily, analyticsRefresh, memberDays } from '../../server/db/analytics-schema.ts';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { mergeMember } from '../../server/members/merge.ts';
import { questContent } from '../../shared/content/quests.ts';

// A merged guest's active days become the member's, and the rollups recount from the guest's first day: the person
// is one daily active, one retention cohort. Its own PGlite, so the rollups count these two members only.
let ledger: Ledger;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-merge-days-'));
  ledger = await openLedger({ dataDir: dir });
}, 60_000);

afterAll(async () => {
  await ledger?.close();
  await rm(dir, { recursive: true, force: true });
});

const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
const figures = async () => {
  const rows = await ledger.db
    .select()
    .from(analyticsDaily)
    .where(or(eq(analyticsDaily.metric, 'active.dau'), like(analyticsDaily.metric, 'retention.%')));
  return Object.fromEntries(
    rows.filter((row) => row.value > 0).map((row) => [`${row.metric} ${row.day} ${row.key}`, row.value]),
  );
};

describe("a merge and the guest's active days", () => {
  it('moves them to the member, a shared day once, and recounts daily actives and retention', async () => {
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Member' });
    const guest = await createMember(db, { displayName: 'Guest' });
    // Weeks start Monday 2026-11-30 (W0), 2026-12-07 (W1), 2026-12-14 (W2).
    await db.insert(memberDays).values([
      { memberId: guest.id, day: '2026-12-01' },
      { memberId: guest.id, day: '2026-12-09' },
      { memberId: member.id, day: '2026-12-09' },
      { memberId: member.id, day: '2026-12-16' },
    ]);
    await refreshAnalytics(db, at('2027-02-20'), questContent.quests);
    expect(await figures()).toEqual({
      'active.dau 2026-12-01 ': 1,
      'active.dau 2026-12-09 ': 2,
      'active.dau 2026-12-16 ': 1,
      'retention.size 2026-11-30 ': 1,
      'retention.week 2026-11-30 1': 1,
      'retention.size 2026-12-07 ': 1,
      'retention.week 2026-12-07 1': 1,
    });

    const summary = await mergeMember(db, guest.id, member.id, {
      content: questContent,
      now: new Date(at('2027-02-20')),
    });
    expect(summary.activeDaysMoved).toBe(2);
    expect(await db.select().from(memberDays).where(eq(memberDays.memberId, guest.id))).toEqual([]);
    const days = await db.select().from(memberDays).where(eq(memberDays.memberId, member.id));
    expect(days.map((row) => row.day).sort()).toEqual(['2026-12-01', '2026-12-09', '2026-12-16']);
    // The watermark went back to the guest's first day: the next refresh recounts from there.
    const [mark] = await db.select().from(analyticsRefresh);
    expect(mark?.throughDay).toBe('2026-12-01');

    await refreshAnalytics(db, at('2027-02-21'), questContent.quests);
    expect(await figures()).toEqual({
      'active.dau 2026-12-01 ': 1,
      'active.dau 2026-12-09 ': 1,
      'active.dau 2026-12-16 ': 1,
      'retention.size 2026-11-30 ': 1,
      'retention.week 2026-11-30 1': 1,
      'retention.week 2026-11-30 2': 1,
    });
  });

  it('leaves the watermark alone when the guest had no active day', async () => {
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Member' });
    const guest = await createMember(db, { displayName: 'Guest' });
    const [before] = await db.select().from(analyticsRefresh);
    const summary = await mergeMember(db, guest.id, member.id, { content: questContent });
    expect(summary.activeDaysMoved).toBe(0);
    expect(await db.select().from(analyticsRefresh)).toEqual([before]);
  });
});
