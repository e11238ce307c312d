import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { events, outbox } from '../../server/db/schema.ts';
import type { QuestEvent } from '../../server/domain/quests/engine.ts';
import { exportQuestRecord, loadQuestsSnapshot } from '../../server/quests/passport.ts';
import { recordQuestEvent } from '../../server/quests/record.ts';
import { questContent } from '../../shared/content/quests.ts';

// The same ledger code against embedded PGlite and the machine's PostgreSQL; each run uses fresh members.
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const opened: Ledger[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(opened.map((ledger) => ledger.close()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const at = new Date('2026-12-10T12:00:00Z');

describe.each([
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'layover-quests-'));
      dirs.push(dir);
      return openLedger({ dataDir: dir });
    },
  ],
  ['PostgreSQL', () => openLedger({ databaseUrl: POSTGRES_URL, dataDir: 'unused' })],
] as const)('quest ledger on %s', (_kind, open) => {
  it('records each event with its effects once, with outbox rows in order', async () => {
    const ledger = await open();
    opened.push(ledger);
    const { db } = ledger;
    const member = await createMember(db, { displayName: `Quester ${randomUUID().slice(0, 6)}` });
    const record = (event: QuestEvent) =>
      recordQuestEvent(db, { memberId: member.id, event, at, content: questContent });
    const id = () => randomUUID();

    await record({ id: id(), kind: 'zoneVisited', zone: 'window', place: 'lounge/window' });
    await record({ id: id(), kind: 'emoted', emote: 'wave', nearestM: 1.5, place: 'lounge' });
    const board: QuestEvent = {
      id: id(),
      kind: 'interacted',
      objectId: 'departures-board',
      place: 'lounge/departures-board',
    };
    const done = await record(board);
    expect(done.recorded).toBe(true);
    expect(done.effects.map((effect) => effect.type)).toContain('StampEarned');

    // The same occurrence again: refused by the event id, nothing else moves.
    const before = await exportQuestRecord(db, member.id);
    const replay = await record(board);
    expect(replay).toEqual({ recorded: false, effects: [], prizes: [] });
    expect(await exportQuestRecord(db, member.id)).toEqual(before);

    const snapshot = await loadQuestsSnapshot(db, member.id, at.getTime(), questContent);
    expect(snapshot.stamps).toEqual([
      {
        stampId: 'first-visit',
        questId: 'first-visit',
        earnedAt: at.getTime(),
        where: 'lounge/departures-board',
        chain: 'held',
        txHash: null,
      },
    ]);
    expect(snapshot.prizes).toMatchObject([{ prizeId: 'lounge-day-pass', state: 'held', to: null }]);
    expect(snapshot.points).toBe(100);
    expect(snapshot.status.level).toBe('explorer');
    expect(snapshot.quests.find((quest) => quest.id === 'first-visit')?.status).toBe('completed');

    const rows = await db.select().from(outbox).where(eq(outbox.memberId, member.id));
    // A guest has no wallet: both rewards wait for one.
    expect(rows.map((row) => [row.kind, row.itemId, row.status, row.eventId])).toEqual([
      ['stamp', 'first-visit', 'held', board.id],
      ['prize', 'lounge-day-pass', 'held', board.id],
    ]);
    expect(await db.select().from(events).where(eq(events.memberId, member.id))).toHaveLength(3);
  });

  it('keeps day visits idempotent by their day id, and outbox ids sequential', async () => {
    const ledger = await open();
    opened.push(ledger);
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Regular' });
    const day = (d: string): QuestEvent => ({ id: `${member.id}:day:${d}`, kind: 'dayVisited', day: d });
    for (const d of ['2026-12-01', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-03']) {
      await recordQuestEvent(db, { memberId: member.id, event: day(d), at, content: questContent });
    }
    const snapshot = await loadQuestsSnapshot(db, member.id, at.getTime(), questContent);
    const flyer = snapshot.quests.find((quest) => quest.id === 'frequent-flyer');
    expect(flyer?.steps.find((step) => step.kind === 'returnDays')).toMatchObject({ progress: 3, target: 3 });
    expect(flyer?.status).toBe('active');
    expect((await exportQuestRecord(db, member.id)).events).toHaveLength(3);

    // Two members finishing at once still get distinct, increasing outbox ids (a stamp and a prize each).
    const others = await Promise.all([1, 2].map((n) => createMember(db, { displayName: `Pair ${n}` })));
    await Promise.all(
      others.map(async (other) => {
        for (const event of [
          { kind: 'zoneVisited', zone: 'window' },
          { kind: 'emoted', emote: 'wave', nearestM: 1 },
          { kind: 'interacted', objectId: 'departures-board' },
        ] as const) {
          await recordQuestEvent(db, {
            memberId: other.id,
            event: { id: randomUUID(), ...event },
            at,
            content: questContent,
          });
        }
      }),
    );
    const ids = (
      await Promise.all(others.map((other) => db.select().from(outbox).where(eq(outbox.memberId, other.id))))
    )
      .flat()
      .map((row) => row.id)
      .sort((a, b) => a - b);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });
});
