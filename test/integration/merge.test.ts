import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { issueSession, resolveSession } from '../../server/auth/sessions.ts';
import { eventBans, eventDrops, eventVisits, pollVotes } from '../../server/db/live-event-schema.ts';
import { createMember, findMember } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import {
  cataloguePurchases,
  memberNumbers,
  partnerActivities,
  partners,
} from '../../server/db/points-schema.ts';
import {
  accountAudit,
  authChallenges,
  deviceSessions,
  emailCodes,
  events,
  gameBest,
  gameDailyBest,
  gameScores,
  memberCredentials,
  memberStamps,
  members,
  outbox,
  questProgress,
  sessions,
} from '../../server/db/schema.ts';
import type { QuestEvent } from '../../server/domain/quests/engine.ts';
import { recordGameRound } from '../../server/games/record-round.ts';
import { claimDrop, releaseDrop } from '../../server/live-events/drops.ts';
import { createLiveEvent } from '../../server/live-events/schedule.ts';
import { eraseMember } from '../../server/members/erase.ts';
import { MergeRefusal, mergeMember, mergeProgress } from '../../server/members/merge.ts';
import {
  accountTotals,
  BRAND_ACCOUNT,
  balanceOf,
  memberAccount,
  memberHistory,
  postMovement,
} from '../../server/points/ledger.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { exportQuestRecord } from '../../server/quests/passport.ts';
import { loadProgress, recordQuestEvent } from '../../server/quests/record.ts';
import { HALLS, type LiveEventSpec } from '../../shared/content/live-events.ts';
import { questContent } from '../../shared/content/quests.ts';

// Merging a guest into a member, erasure and export of the sign-in data: against embedded PGlite and the machine's
// PostgreSQL (CI starts it), each test with fresh members.
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const opened: Ledger[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(opened.map((ledger) => ledger.close()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const DAY = 86_400_000;
const t0 = new Date('2026-12-10T12:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * DAY);
const dayId = (n: number) => day(n).toISOString().slice(0, 10);
const id = () => randomUUID();

/** A balance from before the ledger, as migration 0004 carried it over: an opening movement against the brand. */
async function openBalance(ledger: Ledger, memberId: string, points: number): Promise<void> {
  await ledger.db.transaction((tx) =>
    postMovement(tx, {
      key: `opening:${memberId}`,
      kind: 'opening',
      reason: { code: 'opening' },
      at: t0,
      entries: [
        { account: memberAccount(memberId), amount: points },
        { account: BRAND_ACCOUNT, amount: -points },
      ],
    }),
  );
}

async function addEmail(ledger: Ledger, memberId: string): Promise<string> {
  const subject = `${id()}@example.test`;
  await ledger.db.insert(memberCredentials).values({
    id: id(),
    memberId,
    kind: 'email',
    subject,
    label: 'l***@example.test',
  });
  return subject;
}

async function addDevice(ledger: Ledger, memberId: string) {
  const deviceId = id().replaceAll('-', '');
  await ledger.db.insert(deviceSessions).values({
    id: deviceId,
    memberId,
    kind: 'guest',
    refreshHash: 'x'.repeat(64),
    userAgent: 'Chromium on Linux',
    idleExpiresAt: day(30),
  });
  const { token } = await issueSession(ledger.db, memberId, 'guest', 15 * 60_000, new Date(), deviceId);
  return { deviceId, token };
}

describe.each([
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'layover-merge-'));
      dirs.push(dir);
      return openLedger({ dataDir: dir });
    },
  ],
  ['PostgreSQL', () => openLedger({ databaseUrl: POSTGRES_URL, dataDir: 'unused' })],
] as const)('merge, erasure and export on %s', (_kind, open) => {
  let ledger: Ledger;
  const ready = (async () => {
    ledger = await open();
    opened.push(ledger);
  })();

  it('moves a guest into a member in one transaction, by the engine rules, and refuses a second merge', async () => {
    await ready;
    const { db } = ledger;
    const guest = await createMember(db, { displayName: 'Guest Linh' });
    const member = await createMember(db, { displayName: 'Linh' });
    await addEmail(ledger, member.id);
    const record = (
      memberId: string,
      event: QuestEvent,
      at: Date,
      grants?: { stampId: string; source: string }[],
    ) => recordQuestEvent(db, { memberId, event, at, content: questContent, ...(grants ? { grants } : {}) });

    // The guest: two of First Visit's three steps, two days of Frequent Flyer, two stamps (one earlier than the
    // member's copy; with the two, the guest's next event completes Collector: a third stamp and 200 points),
    // points, a plain held prize and one held for want of a kept account.
    await record(guest.id, { id: id(), kind: 'zoneVisited', zone: 'window', place: 'lounge' }, day(0), [
      { stampId: 'partner-lounge', source: 'test' },
    ]);
    await record(guest.id, { id: id(), kind: 'emoted', emote: 'wave', nearestM: 1, place: 'lounge' }, day(0));
    await record(guest.id, { id: `${guest.id}:day:${dayId(0)}`, kind: 'dayVisited', day: dayId(0) }, day(0));
    await record(guest.id, { id: `${guest.id}:day:${dayId(1)}`, kind: 'dayVisited', day: dayId(1) }, day(1), [
      { stampId: 'winter-lights', source: 'test' },
    ]);
    await openBalance(ledger, guest.id, 40);
    const plainHeld = await queueAward(db, {
      kind: 'prize',
      memberId: guest.id,
      itemId: 'upgrade-voucher',
      eventId: id(),
      source: 'test',
      at: day(1),
    });
    const identityHeld = await queueAward(db, {
      kind: 'prize',
      memberId: guest.id,
      itemId: 'upgrade-voucher',
      eventId: id(),
      source: 'test',
      at: day(1),
      requires: 'lasting',
    });
    expect(plainHeld).toMatchObject({ status: 'held', holdExpiresAt: null });
    expect(identityHeld.holdExpiresAt?.getTime()).toBe(day(8).getTime());
    await recordGameRound(db, {
      eventId: id(),
      gameId: 'plane',
      memberId: guest.id,
      score: 50,
      won: false,
      at: day(1),
      winnerPrize: undefined,
      content: questContent,
    });

    // The member: the third First Visit step, a third day, the same stamp later, points and a lower game score.
    await record(
      member.id,
      { id: id(), kind: 'interacted', objectId: 'departures-board', place: 'lounge' },
      day(1),
    );
    await record(
      member.id,
      { id: `${member.id}:day:${dayId(2)}`, kind: 'dayVisited', day: dayId(2) },
      day(2),
      [{ stampId: 'partner-lounge', source: 'test' }],
    );
    await openBalance(ledger, member.id, 60);
    await recordGameRound(db, {
      eventId: id(),
      gameId: 'plane',
      memberId: member.id,
      score: 30,
      won: false,
      at: day(1),
      winnerPrize: undefined,
      content: questContent,
    });

    // Live events: a visit, a poll both voted in and one only the guest did, a ban.
    const hall = HALLS[0].id;
    const live = await createLiveEvent(
      db,
      {
        title: 'Merge test',
        description: '',
        startsAt: day(1).toISOString(),
        durationMinutes: 60,
        hall,
        access: { kind: 'anyone' },
        attendanceStampId: 'first-visit',
        attendMinutes: 1,
        drops: [],
      } as LiveEventSpec,
      'test',
    );
    await db
      .insert(eventVisits)
      .values({ eventId: live.id, memberId: guest.id, roomId: 'r', joinedAt: day(1) });
    const [both, guestOnly] = [id(), id()];
    await db.insert(pollVotes).values([
      { pollId: both, memberId: guest.id, option: 0, at: day(1) },
      { pollId: guestOnly, memberId: guest.id, option: 1, at: day(1) },
      { pollId: both, memberId: member.id, option: 2, at: day(1) },
    ]);
    await db.insert(eventBans).values({
      scopeKey: `event:${live.id}`,
      memberId: guest.id,
      eventId: live.id,
      bannedBy: 'host',
      at: day(1),
    });
    const { token } = await addDevice(ledger, guest.id);
    const guestEvents = (await db.select().from(events).where(eq(events.memberId, guest.id))).length;

    const summary = await mergeMember(db, guest.id, member.id, {
      content: questContent,
      now: day(3),
      requires: 'lasting',
    });

    expect(summary).toMatchObject({
      stampsMoved: 2,
      stampsDeduplicated: 1,
      pointsAdded: 245,
      prizesMoved: 2,
      holdsReleased: 1,
      questsMerged: 3,
      eventsMoved: guestEvents,
      gameScoresMoved: 1,
      bestsImproved: 2,
      eventVisitsMoved: 1,
      pollVotesMoved: 1,
      pollVotesDropped: 1,
      bansMoved: 1,
      devicesRevoked: 1,
    });
    // First Visit's runs together fill it: completed at the merge, with its stamp, points and Day Pass.
    expect(summary.questsCompleted).toBe(1);

    const stamps = await db.select().from(memberStamps).where(eq(memberStamps.memberId, member.id));
    const stampAt = Object.fromEntries(stamps.map((stamp) => [stamp.stampId, stamp.earnedAt.getTime()]));
    expect(stampAt).toEqual({
      'partner-lounge': day(0).getTime(), // the guest's, earlier
      'winter-lights': day(1).getTime(),
      collector: day(1).getTime(),
      'first-visit': day(3).getTime(),
    });
    const progress = await loadProgress(db, member.id);
    // Each side's plane round also earned 5 by the game-finished earning rule.
    expect(progress.points).toBe(60 + 5 + 40 + 5 + 200 + 100);
    // In the books: the guest's 245 (40 carried over, a round's 5, Collector's 200) moved to the member; First Visit, which the
    // union completed, was paid by the brand; the guest's account is empty and the whole ledger still sums to 0.
    expect(await balanceOf(db, memberAccount(guest.id))).toBe(0);
    const lines = await memberHistory(db, member.id);
    expect(lines.filter((line) => line.kind === 'merge').map((line) => line.amount)).toEqual([245]);
    expect(
      lines
        .filter((line) => line.kind === 'quest' && line.at.getTime() === day(3).getTime())
        .map((line) => [line.source, line.amount]),
    ).toEqual([['first-visit', 100]]);
    expect(Object.values(await accountTotals(db)).reduce((sum, total) => sum + total, 0)).toBe(0);
    expect(progress.quests['first-visit']).toMatchObject({ done: true, completions: 1 });
    expect(progress.quests['frequent-flyer']?.days).toEqual([dayId(0), dayId(1), dayId(2)]);
    const threeDays = questContent.quests
      .find((quest) => quest.id === 'frequent-flyer')
      ?.steps.findIndex((step) => step.kind === 'returnDays') as number;
    expect(progress.quests['frequent-flyer']?.steps[threeDays]).toBe(3);

    const rows = await db.select().from(outbox).where(eq(outbox.memberId, member.id));
    const prizes = rows.filter((row) => row.kind === 'prize');
    // Both guest prizes (the identity hold released: the member kept their account) and First Visit's Day Pass.
    expect(prizes.map((row) => row.itemId).sort()).toEqual([
      'lounge-day-pass',
      'upgrade-voucher',
      'upgrade-voucher',
    ]);
    expect(prizes.every((row) => row.status === 'held' && row.holdExpiresAt === null)).toBe(true);
    const guestRows = await db.select().from(outbox).where(eq(outbox.memberId, guest.id));
    expect(guestRows.map((row) => [row.itemId, row.status, row.lastError])).toEqual([
      ['partner-lounge', 'failed', 'merged: duplicate stamp'],
    ]);

    // Nothing is left on the guest but the anonymous shell; their browser is signed out.
    for (const table of [memberStamps, questProgress, events, gameScores, gameDailyBest, gameBest])
      expect(await db.select().from(table).where(eq(table.memberId, guest.id))).toEqual([]);
    expect(await db.select().from(pollVotes).where(eq(pollVotes.memberId, member.id))).toHaveLength(2);
    const [vote] = await db
      .select()
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, both), eq(pollVotes.memberId, member.id)));
    expect(vote?.option).toBe(2);
    const [best] = await db.select().from(gameBest).where(eq(gameBest.memberId, member.id));
    expect(best?.score).toBe(50);
    expect((await findMember(db, guest.id))?.displayName).toBe('Merged member');
    expect(await resolveSession(db, token)).toBeUndefined();
    const [device] = await db.select().from(deviceSessions).where(eq(deviceSessions.memberId, guest.id));
    expect(device?.revokeReason).toBe('merged');
    const [audit] = await db.select().from(accountAudit).where(eq(accountAudit.actorMemberId, guest.id));
    expect(audit).toMatchObject({ action: 'merged', memberId: member.id });

    // A second merge of the same guest, or a merge into oneself: refused, nothing changes.
    const before = await exportQuestRecord(db, member.id);
    await expect(mergeMember(db, guest.id, member.id, { content: questContent })).rejects.toMatchObject({
      reason: 'alreadyMerged',
    });
    await expect(mergeMember(db, member.id, member.id, { content: questContent })).rejects.toBeInstanceOf(
      MergeRefusal,
    );
    expect(await exportQuestRecord(db, member.id)).toEqual(before);
  });

  it('refuses to merge a member who has a credential or a wallet, and an unknown member; nothing changes', async () => {
    await ready;
    const { db } = ledger;
    const kept = await createMember(db, { displayName: 'Kept' });
    await addEmail(ledger, kept.id);
    const wallet = await createMember(db, {
      displayName: 'Wallet',
      address: `0x${id().replaceAll('-', '').padEnd(40, '0')}`,
    });
    const member = await createMember(db, { displayName: 'Target' });
    await openBalance(ledger, kept.id, 10);
    await expect(mergeMember(db, kept.id, member.id, { content: questContent })).rejects.toMatchObject({
      reason: 'notGuest',
    });
    await expect(mergeMember(db, wallet.id, member.id, { content: questContent })).rejects.toMatchObject({
      reason: 'notGuest',
    });
    await expect(mergeMember(db, id(), member.id, { content: questContent })).rejects.toMatchObject({
      reason: 'memberNotFound',
    });
    expect((await loadProgress(db, kept.id)).points).toBe(10);
    expect((await loadProgress(db, member.id)).points).toBe(0);
    expect(await db.select().from(events).where(eq(events.memberId, member.id))).toEqual([]);
  });

  it("moves the guest's purchases, partner activities and member number with their points", async () => {
    await ready;
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Buyer' });
    await addEmail(ledger, member.id);
    const guest = await createMember(db, { displayName: 'Shopper' });
    await openBalance(ledger, guest.id, 900);
    const purchaseId = id();
    await db.insert(cataloguePurchases).values({
      id: purchaseId,
      memberId: guest.id,
      itemId: 'harbor-coffee-drink',
      cost: 300,
      status: 'fulfilled',
      perkCode: id(),
      createdAt: t0,
      updatedAt: t0,
    });
    await db
      .insert(partners)
      .values({ id: 'merge-air', name: 'Merge Air', secret: 's' })
      .onConflictDoNothing();
    const activityId = id();
    await db.insert(partnerActivities).values({
      id: activityId,
      partnerId: 'merge-air',
      idempotencyKey: id(),
      bodyHash: 'h',
      type: 'flight',
      memberRef: { memberNumber: 'LO1' },
      memberId: guest.id,
      points: 500,
      status: 'credited',
      payload: {},
      occurredAt: t0,
      receivedAt: t0,
    });
    const number = `LO${Date.now()}${Math.floor(Math.random() * 1000)}`;
    await db.insert(memberNumbers).values({ memberId: guest.id, number });

    await mergeMember(db, guest.id, member.id, { content: questContent, now: day(1) });

    expect(await balanceOf(db, memberAccount(member.id))).toBe(900);
    const [purchase] = await db
      .select()
      .from(cataloguePurchases)
      .where(eq(cataloguePurchases.id, purchaseId));
    expect(purchase?.memberId).toBe(member.id);
    const [activity] = await db.select().from(partnerActivities).where(eq(partnerActivities.id, activityId));
    expect(activity?.memberId).toBe(member.id);
    // The member had no number yet: the guest's, which a partner may already know, is now theirs.
    expect(await db.select().from(memberNumbers).where(eq(memberNumbers.number, number))).toEqual([
      { memberId: member.id, number },
    ]);
  });

  it('queues the guest held rewards to a member with a wallet', async () => {
    await ready;
    const { db } = ledger;
    const guest = await createMember(db, { displayName: 'Guest' });
    const address = `0x${id().replaceAll('-', '').padEnd(40, 'a')}`;
    const member = await createMember(db, { displayName: 'Holder', address });
    await recordQuestEvent(db, {
      memberId: guest.id,
      event: { id: id(), kind: 'zoneVisited', zone: 'window', place: 'lounge' },
      at: day(0),
      content: questContent,
      grants: [{ stampId: 'winter-lights', source: 'test' }],
    });
    await queueAward(db, {
      kind: 'prize',
      memberId: guest.id,
      itemId: 'lounge-day-pass',
      eventId: id(),
      source: 'test',
      at: day(0),
      requires: 'wallet',
    });
    await mergeMember(db, guest.id, member.id, { content: questContent, now: day(1), requires: 'wallet' });
    const rows = await db.select().from(outbox).where(eq(outbox.memberId, member.id)).orderBy(outbox.id);
    expect(rows.map((row) => [row.kind, row.itemId, row.status, row.recipient, row.holdExpiresAt])).toEqual([
      ['stamp', 'winter-lights', 'queued', address, null],
      ['prize', 'lounge-day-pass', 'queued', address, null],
    ]);
  });

  it('never doubles a one-per-member prize: farming by merging throwaway guests gains nothing', async () => {
    await ready;
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Farmer' });
    await addEmail(ledger, member.id);
    const guest = await createMember(db, { displayName: 'Throwaway' });
    const finishFirstVisit = async (memberId: string) => {
      for (const event of [
        { id: id(), kind: 'zoneVisited', zone: 'window', place: 'lounge' },
        { id: id(), kind: 'emoted', emote: 'wave', nearestM: 1, place: 'lounge' },
        { id: id(), kind: 'interacted', objectId: 'departures-board', place: 'lounge' },
      ] as const)
        await recordQuestEvent(db, { memberId, event, at: day(0), content: questContent });
    };
    const win = (memberId: string, gameId: string) =>
      recordGameRound(db, {
        eventId: id(),
        gameId,
        memberId,
        score: 99,
        won: true,
        at: day(0),
        winnerPrize: 'upgrade-voucher',
        content: questContent,
      });
    await finishFirstVisit(member.id);
    await finishFirstVisit(guest.id);
    await win(member.id, 'plane');
    await win(guest.id, 'plane');
    await win(guest.id, 'bags');
    const live = await createLiveEvent(
      db,
      {
        title: 'Farm test',
        description: '',
        startsAt: day(0).toISOString(),
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
      { id: 'pass', prizeId: 'lounge-day-pass', supply: 2, windowSeconds: 3600, mode: 'first' },
      day(0),
    );
    expect((await claimDrop(db, live.id, 'pass', member.id, day(0))).outcome).toBe('won');
    expect((await claimDrop(db, live.id, 'pass', guest.id, day(0))).outcome).toBe('won');
    const memberPointsBefore = (await loadProgress(db, member.id)).points;

    const summary = await mergeMember(db, guest.id, member.id, {
      content: questContent,
      now: day(0),
      requires: 'lasting',
    });

    // First Visit's Day Pass, today's plane win and the drop: the member had each already. The bags win moves.
    // Only the points of the guest's two won rounds (5 played + 10 won each, by the earning rules) are added.
    expect(summary).toMatchObject({ prizesCancelled: 3, prizesMoved: 1, pointsAdded: 30 });
    expect((await loadProgress(db, member.id)).points).toBe(memberPointsBefore + 30);
    // The guest's First Visit points went to the member and back to the brand: the person finished it once.
    expect(await balanceOf(db, memberAccount(guest.id))).toBe(0);
    expect(Object.values(await accountTotals(db)).reduce((sum, total) => sum + total, 0)).toBe(0);
    const cancelled = await db.select().from(outbox).where(eq(outbox.memberId, guest.id));
    expect(cancelled.filter((row) => row.kind === 'prize').map((row) => row.lastError)).toEqual([
      'merged: duplicate prize',
      'merged: duplicate prize',
      'merged: duplicate prize',
    ]);
    const [counted] = await db
      .select()
      .from(eventDrops)
      .where(eq(eventDrops.id, drop?.id as number));
    expect(counted?.claimed).toBe(1);
    // The bags win is now the member's win of the day: a second one that day wins no second prize.
    expect((await win(member.id, 'bags'))?.prize).toBeNull();
    const prizes = (await db.select().from(outbox).where(eq(outbox.memberId, member.id))).filter(
      (row) => row.kind === 'prize',
    );
    expect(prizes.map((row) => [row.itemId, row.source]).sort()).toEqual([
      ['lounge-day-pass', `event:${live.id}`],
      ['lounge-day-pass', 'first-visit'],
      ['upgrade-voucher', 'bags'],
      ['upgrade-voucher', 'plane'],
    ]);
  });

  it('erases credentials, browsers, challenges and consent, keeping ids only in the audit', async () => {
    await ready;
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Erin' });
    await db
      .update(members)
      .set({ marketingConsentAt: day(0), locale: 'vi' })
      .where(eq(members.id, member.id));
    await addEmail(ledger, member.id);
    const { token } = await addDevice(ledger, member.id);
    await db.insert(authChallenges).values({
      id: id(),
      kind: 'webauthnRegister',
      memberId: member.id,
      data: { challenge: 'abc' },
      expiresAt: day(1),
    });
    const actorId = id();
    await db.insert(accountAudit).values({
      action: 'supportRebind',
      actorMemberId: actorId,
      memberId: member.id,
      detail: { label: 'e***@example.test', note: 'checked passport' },
    });
    const code = id();
    await db.insert(emailCodes).values({
      id: code,
      emailHash: 'e'.repeat(64),
      codeHash: 'c'.repeat(64),
      ipHash: 'i'.repeat(64),
      expiresAt: day(1),
    });

    await eraseMember(db, member.id);

    expect(
      await db.select().from(memberCredentials).where(eq(memberCredentials.memberId, member.id)),
    ).toEqual([]);
    expect(await db.select().from(deviceSessions).where(eq(deviceSessions.memberId, member.id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.memberId, member.id))).toEqual([]);
    expect(await db.select().from(authChallenges).where(eq(authChallenges.memberId, member.id))).toEqual([]);
    expect(await resolveSession(db, token)).toBeUndefined();
    expect(await findMember(db, member.id)).toBeUndefined();
    expect(await db.select().from(accountAudit).where(eq(accountAudit.memberId, member.id))).toEqual([]);
    // The audit row stays, details blanked, under an anonymous tombstone with a new id.
    const audit = await db.select().from(accountAudit).where(eq(accountAudit.actorMemberId, actorId));
    expect(audit.map((row) => [row.action, row.detail])).toEqual([['supportRebind', {}]]);
    expect(await findMember(db, audit[0]?.memberId ?? '')).toMatchObject({
      displayName: 'Erased member',
      marketingConsentAt: null,
      locale: null,
    });
    // Email codes are keyed by hashes only (no member id): nothing there names the member.
    expect(await db.select().from(emailCodes).where(eq(emailCodes.id, code))).toHaveLength(1);
  });

  it('exports credentials without secrets, browsers, consent and external ids', async () => {
    await ready;
    const { db } = ledger;
    const member = await createMember(db, { displayName: 'Exa' });
    await db
      .update(members)
      .set({ marketingConsentAt: day(0) })
      .where(eq(members.id, member.id));
    const email = await addEmail(ledger, member.id);
    await db.insert(memberCredentials).values([
      {
        id: id(),
        memberId: member.id,
        kind: 'passkey',
        subject: id(),
        label: 'Chromium on Linux',
        publicKey: 'SECRET-PUBLIC-KEY',
        counter: 3,
        transports: ['internal'],
        lastUsedAt: day(1),
      },
      {
        id: id(),
        memberId: member.id,
        kind: 'oidc',
        subject: `https://brand.example ${id()}`,
        label: 'Brand',
        externalId: 'FF-123456',
      },
    ]);
    await addDevice(ledger, member.id);

    const record = await exportQuestRecord(db, member.id);

    expect(record.account.marketingConsentAt).toBe(day(0).toISOString());
    expect(record.account.credentials.map((credential) => credential.kind).sort()).toEqual([
      'email',
      'oidc',
      'passkey',
    ]);
    const passkey = record.account.credentials.find((credential) => credential.kind === 'passkey');
    expect(passkey).toMatchObject({ label: 'Chromium on Linux', lastUsedAt: day(1).toISOString() });
    expect(record.account.externalIds).toEqual([{ kind: 'oidc', label: 'Brand', externalId: 'FF-123456' }]);
    expect(record.account.devices).toHaveLength(1);
    expect(record.account.devices[0]).toMatchObject({ userAgent: 'Chromium on Linux', revokedAt: null });
    const text = JSON.stringify(record);
    expect(text).not.toContain('SECRET-PUBLIC-KEY');
    expect(text).not.toContain('x'.repeat(64)); // the refresh hash
    expect(text).not.toContain(email); // the email itself; only its masked label
  });
});

describe('mergeProgress (the engine rules, pure)', () => {
  it('takes the further step, the union of days, sums repeatable completions', () => {
    const now = day(5).getTime();
    const merged = mergeProgress(
      {
        quests: {
          'winter-lights': {
            steps: [1, 1],
            days: [],
            done: true,
            completions: 2,
            completedAt: day(1).getTime(),
          },
          'frequent-flyer': {
            steps: [1, 0, 0, 0, 0, 1],
            days: [dayId(0)],
            done: false,
            completions: 0,
            completedAt: null,
          },
        },
        stamps: { 'first-visit': day(0).getTime() },
        points: 10,
      },
      {
        quests: {
          'winter-lights': {
            steps: [1, 1],
            days: [],
            done: true,
            completions: 1,
            completedAt: day(2).getTime(),
          },
          'frequent-flyer': {
            steps: [0, 1, 0, 0, 0, 2],
            days: [dayId(0), dayId(3)],
            done: false,
            completions: 0,
            completedAt: null,
          },
        },
        stamps: {},
        points: 5,
      },
      now,
      questContent,
    );
    expect(merged.progress.quests['winter-lights']).toMatchObject({
      completions: 3,
      completedAt: day(2).getTime(),
    });
    expect(merged.progress.quests['frequent-flyer']).toMatchObject({
      steps: [1, 1, 0, 0, 0, 2],
      days: [dayId(0), dayId(3)],
      done: false,
    });
    expect(merged.progress.points).toBe(15);
    expect(merged.effects).toEqual([]);
  });

  it('completes what the merged passport fills, through the engine', () => {
    const merged = mergeProgress(
      { quests: {}, stamps: { 'winter-lights': day(1).getTime() }, points: 0 },
      {
        quests: {},
        stamps: { 'partner-lounge': day(0).getTime(), 'winter-lights': day(0).getTime() },
        points: 0,
      },
      day(2).getTime(),
      questContent,
    );
    expect(merged.progress.stamps['winter-lights']).toBe(day(0).getTime());
    expect(merged.progress.quests.collector).toMatchObject({ done: true, completions: 1 });
    expect(merged.effects).toEqual([
      { type: 'QuestCompleted', questId: 'collector', completions: 1 },
      { type: 'StampEarned', questId: 'collector', stampId: 'collector' },
      { type: 'PointsAdded', questId: 'collector', points: 200 },
    ]);
  });
});
