import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import type { QuestEvent } from '../../server/domain/quests/engine.ts';
import { accountTotals, balanceOf, memberAccount, memberHistory } from '../../server/points/ledger.ts';
import { recordQuestEvent } from '../../server/quests/record.ts';
import { earningRules } from '../../shared/content/earning-rules.ts';
import { questContent } from '../../shared/content/quests.ts';

// Lounge events earn by the brand's earning rules inside recordQuestEvent's transaction (bare PGlite ledger).
let ledger: Ledger;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-earn-'));
  ledger = await openLedger({ dataDir: dir });
}, 60_000);

afterAll(async () => {
  await ledger?.close();
  await rm(dir, { recursive: true, force: true });
});

const at = new Date('2026-12-06T10:00:00Z');
const record = (memberId: string, event: QuestEvent, when = at) =>
  recordQuestEvent(ledger.db, { memberId, event, at: when, content: questContent });
const rule = (id: string) => earningRules.find((candidate) => candidate.id === id);

describe('earning points from lounge events', () => {
  it('pays a game by its rules once per event, up to the daily cap, and again the next UTC day', async () => {
    const { db } = ledger;
    const member = (await createMember(db, { displayName: 'Gamer' })).id;
    const finished = rule('game-finished');
    const won = rule('game-won');
    expect(finished?.points).toBeGreaterThan(0);
    const round = (won: boolean): QuestEvent => ({
      id: randomUUID(),
      kind: 'gameFinished',
      gameId: 'bags',
      score: 1,
      won,
      place: 'bags',
    });
    const first = round(true);
    await record(member, first);
    expect(await balanceOf(db, memberAccount(member))).toBe((finished?.points ?? 0) + (won?.points ?? 0));
    // The same event again changes nothing.
    expect((await record(member, first)).recorded).toBe(false);
    expect(await balanceOf(db, memberAccount(member))).toBe((finished?.points ?? 0) + (won?.points ?? 0));
    // Enough lost rounds to pass the daily cap: it stops there.
    const cap = finished?.dailyCap ?? 0;
    for (let i = 0; i < cap / (finished?.points ?? 1) + 3; i += 1) await record(member, round(false));
    const lines = await memberHistory(db, member, { limit: 500 });
    const byRule = (id: string) =>
      lines.filter((line) => line.source === id).reduce((sum, line) => sum + line.amount, 0);
    expect(byRule('game-finished')).toBe(cap);
    expect(lines.every((line) => line.kind === 'earn' && line.reason.code === 'earn')).toBe(true);
    expect(lines[0]?.reason.params).toEqual({ rule: lines[0]?.source });
    // The next UTC day the cap starts again.
    const capped = await balanceOf(db, memberAccount(member));
    await record(member, round(false), new Date('2026-12-07T00:00:01Z'));
    expect(await balanceOf(db, memberAccount(member))).toBe(capped + (finished?.points ?? 0));
    expect(Object.values(await accountTotals(db)).reduce((sum, total) => sum + total, 0)).toBe(0);
  });

  it('pays a live event attended once per member, however many milestones report it', async () => {
    const { db } = ledger;
    const member = (await createMember(db, { displayName: 'Viewer' })).id;
    const liveEventId = randomUUID();
    for (const minutes of [1, 5, 10])
      await record(member, {
        id: `attend:${liveEventId}:${member}:${minutes}`,
        kind: 'eventAttended',
        liveEventId,
        minutes,
        place: 'hall',
      });
    expect(await balanceOf(db, memberAccount(member))).toBe(rule('event-attended')?.points);
  });
});
