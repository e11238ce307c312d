import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalPresence } from '@colyseus/core';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { rewardsEn } from '../../client/core/i18n/rewards/en.ts';
import { rewardsVi } from '../../client/core/i18n/rewards/vi.ts';
import { rewardsZhHans } from '../../client/core/i18n/rewards/zh-Hans.ts';
import { rewardsZhHant } from '../../client/core/i18n/rewards/zh-Hant.ts';
import { credentialAdded } from '../../server/auth/credential-sign-in.ts';
import type { AppContext } from '../../server/context.ts';
import { dropClaims, eventDrops } from '../../server/db/live-event-schema.ts';
import { createMember, linkMemberAddress } from '../../server/db/members.ts';
import { type Ledger, openLedger } from '../../server/db/open.ts';
import { memberCredentials, outbox } from '../../server/db/schema.ts';
import { recordGameRound } from '../../server/games/record-round.ts';
import { claimDrop, releaseDrop } from '../../server/live-events/drops.ts';
import { createLiveEvent } from '../../server/live-events/schedule.ts';
import { claimPrefix } from '../../server/prizes/claims.ts';
import {
  HOLD_EXPIRED,
  PRIZE_HOLD_MS,
  type PrizeRequirement,
  prizeRequirement,
  releaseIdentityHolds,
  startHoldSweeper,
  sweepExpiredHolds,
} from '../../server/prizes/eligibility.ts';
import { startPrizeHoldService } from '../../server/prizes/hold-service.ts';
import { prizeView } from '../../server/quests/passport.ts';
import { recordQuestEvent } from '../../server/quests/record.ts';
import { HALLS, type LiveEventSpec } from '../../shared/content/live-events.ts';
import { questContent } from '../../shared/content/quests.ts';
import type { DeliveryUpdate } from '../../shared/protocol/quests.ts';

// PRIZE_REQUIRES: who receives a prize, who has it held until they keep their account, and what goes back to the
// supply; against embedded PGlite and the machine's PostgreSQL, with fresh members each test and an injected clock.
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const opened: Ledger[] = [];
const dirs: string[] = [];
const stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
afterAll(async () => {
  await Promise.all(opened.map((ledger) => ledger.close()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const DAY = 86_400_000;
// Long past: a sweep here never reaches the holds of tests running beside this one on the shared PostgreSQL.
const t0 = new Date('2021-03-01T12:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * DAY);
const id = () => randomUUID();
const CUSTODY = '0x00000000000000000000000000000000c0570d1e';

/** The three First Visit steps: completing it wins a Lounge Day Pass (a transferable prize). */
async function finishFirstVisit(
  ledger: Ledger,
  memberId: string,
  at: Date,
  requires: PrizeRequirement,
  custody?: string,
) {
  const events = [
    { id: id(), kind: 'zoneVisited', zone: 'window', place: 'lounge' },
    { id: id(), kind: 'emoted', emote: 'wave', nearestM: 1, place: 'lounge' },
    { id: id(), kind: 'interacted', objectId: 'departures-board', place: 'lounge' },
  ] as const;
  let prizes: (typeof outbox.$inferSelect)[] = [];
  for (const event of events) {
    const result = await recordQuestEvent(ledger.db, {
      memberId,
      event,
      at,
      content: questContent,
      requires,
      custody,
    });
    prizes = [...prizes, ...result.prizes];
  }
  expect(prizes.map((row) => row.itemId)).toEqual(['lounge-day-pass']);
  return prizes[0] as typeof outbox.$inferSelect;
}

async function addEmail(ledger: Ledger, memberId: string) {
  await ledger.db.insert(memberCredentials).values({
    id: id(),
    memberId,
    kind: 'email',
    subject: `${id()}@example.test`,
    label: 'm***@example.test',
  });
}

function context(ledger: Ledger, now: () => number, requires: PrizeRequirement, custody?: string) {
  const woken: number[] = [];
  const ctx = {
    presence: new LocalPresence(),
    ledger,
    config: { prizes: { requires } } as unknown as AppContext['config'],
    custodyAddress: custody,
    clock: { now },
    oracle: { wake: () => woken.push(now()) } as unknown as AppContext['oracle'],
    logger: {
      info: () => {},
      warn: () => {},
      error: () => {},
      debug: () => {},
    } as unknown as AppContext['logger'],
  };
  return { ctx, woken };
}

describe.each([
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'layover-eligibility-'));
      dirs.push(dir);
      return openLedger({ dataDir: dir });
    },
  ],
  ['PostgreSQL', () => openLedger({ databaseUrl: POSTGRES_URL, dataDir: 'unused' })],
] as const)('prize eligibility on %s', (_kind, open) => {
  let ledger: Ledger;
  const ready = (async () => {
    ledger = await open();
    opened.push(ledger);
  })();

  it('holds a guest prize with an expiry whatever PRIZE_CUSTODY says, and says to keep the account', async () => {
    await ready;
    const guest = await createMember(ledger.db, { displayName: 'Guest' });
    const row = await finishFirstVisit(ledger, guest.id, day(0), 'lasting', CUSTODY);
    expect(row).toMatchObject({ status: 'held', recipient: null, custody: null });
    expect(row.holdExpiresAt?.getTime()).toBe(day(0).getTime() + PRIZE_HOLD_MS);
    const view = prizeView(await claimPrefix(ledger.db), row);
    expect(view).toMatchObject({ state: 'held', to: null, keepAccountBy: day(7).getTime() });

    // A game win is held the same way; stamps never are (the passport is the member's own).
    const round = await recordGameRound(ledger.db, {
      eventId: id(),
      gameId: 'plane',
      memberId: guest.id,
      score: 90,
      won: true,
      at: day(0),
      winnerPrize: 'upgrade-voucher',
      content: questContent,
      custody: CUSTODY,
      requires: 'lasting',
    });
    expect(round?.prize).toMatchObject({ status: 'held', recipient: null });
    expect(round?.prize?.holdExpiresAt?.getTime()).toBe(day(7).getTime());
    const stamps = await ledger.db.select().from(outbox).where(eq(outbox.memberId, guest.id));
    expect(stamps.filter((r) => r.kind === 'stamp').every((r) => r.holdExpiresAt === null)).toBe(true);

    // What the member reads, in all four languages.
    expect(rewardsEn['rewards.keepAccount']).toBe('Keep your account to receive this prize');
    for (const catalogue of [rewardsZhHant, rewardsZhHans, rewardsVi])
      expect(catalogue['rewards.keepAccount']).toMatch(/\S/);
  });

  it('gives a member with an email their prize as PRIZE_CUSTODY says; PRIZE_REQUIRES=any holds no guest', async () => {
    await ready;
    const member = await createMember(ledger.db, { displayName: 'Kept' });
    await addEmail(ledger, member.id);
    const row = await finishFirstVisit(ledger, member.id, day(0), 'lasting', CUSTODY);
    expect(row).toMatchObject({
      status: 'queued',
      recipient: CUSTODY,
      custody: CUSTODY,
      holdExpiresAt: null,
    });
    expect(prizeView(await claimPrefix(ledger.db), row)).not.toHaveProperty('keepAccountBy');

    const guest = await createMember(ledger.db, { displayName: 'Guest' });
    const free = await finishFirstVisit(ledger, guest.id, day(0), 'any', CUSTODY);
    expect(free).toMatchObject({ status: 'queued', recipient: CUSTODY, holdExpiresAt: null });

    // `wallet`: an email is not enough; linking a wallet releases it.
    const emailOnly = await createMember(ledger.db, { displayName: 'Email only' });
    await addEmail(ledger, emailOnly.id);
    const walletHeld = await finishFirstVisit(ledger, emailOnly.id, day(0), 'wallet', CUSTODY);
    expect(walletHeld).toMatchObject({ status: 'held', recipient: null });
    const address = `0x${id().replaceAll('-', '').padEnd(40, 'b')}`;
    await linkMemberAddress(ledger.db, emailOnly.id, address);
    const [linked] = await ledger.db.select().from(outbox).where(eq(outbox.id, walletHeld.id));
    expect(linked).toMatchObject({ status: 'queued', recipient: address });
  });

  it('releases the hold once the guest keeps their account, then PRIZE_CUSTODY applies', async () => {
    await ready;
    const now = () => day(2).getTime();
    const custodyGuest = await createMember(ledger.db, { displayName: 'Guest A' });
    const holdGuest = await createMember(ledger.db, { displayName: 'Guest B' });
    const inCustody = await finishFirstVisit(ledger, custodyGuest.id, day(0), 'lasting', CUSTODY);
    const inHold = await finishFirstVisit(ledger, holdGuest.id, day(0), 'lasting');

    // Nothing to release before an identity is added.
    const custodyCtx = context(ledger, now, 'lasting', CUSTODY);
    expect(await releaseIdentityHolds(custodyCtx.ctx, custodyGuest.id)).toEqual([]);

    await addEmail(ledger, custodyGuest.id);
    const released = await releaseIdentityHolds(custodyCtx.ctx, custodyGuest.id);
    expect(
      released.map((row) => [row.id, row.status, row.recipient, row.custody, row.holdExpiresAt]),
    ).toEqual([[inCustody.id, 'queued', CUSTODY, CUSTODY, null]]);
    expect(custodyCtx.woken).toHaveLength(1);

    // PRIZE_CUSTODY=hold: no longer on a clock, but held until a wallet, as any guest prize.
    await addEmail(ledger, holdGuest.id);
    const holdCtx = context(ledger, now, 'lasting');
    const kept = await releaseIdentityHolds(holdCtx.ctx, holdGuest.id);
    expect(kept.map((row) => [row.id, row.status, row.recipient, row.holdExpiresAt])).toEqual([
      [inHold.id, 'held', null, null],
    ]);
    expect(holdCtx.woken).toEqual([]);

    // Eight days on, the sweep leaves kept prizes alone.
    expect((await sweepExpiredHolds(ledger.db, day(8))).map((row) => row.id)).not.toContain(inHold.id);
    const [still] = await ledger.db.select().from(outbox).where(eq(outbox.id, inHold.id));
    expect(still?.status).toBe('held');
  });

  it('returns an unkept hold to the supply after 7 days: another member can win it', async () => {
    await ready;
    const { db } = ledger;
    const live = await createLiveEvent(
      db,
      {
        title: 'Supply test',
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
    // One voucher, claimable for ten days (a window longer than content allows, to see the supply come back).
    const drop = await releaseDrop(
      db,
      live.id,
      { id: 'voucher', prizeId: 'upgrade-voucher', supply: 1, windowSeconds: 10 * 86_400, mode: 'first' },
      day(0),
    );
    expect(drop).toBeDefined();
    const guest = await createMember(db, { displayName: 'Guest' });
    const late = await createMember(db, { displayName: 'Late' });
    await addEmail(ledger, late.id);
    const won = await claimDrop(db, live.id, 'voucher', guest.id, day(0), CUSTODY, 'lasting');
    expect(won.outcome).toBe('won');
    expect(won.prize).toMatchObject({ status: 'held', recipient: null });
    expect((await claimDrop(db, live.id, 'voucher', late.id, day(1), CUSTODY, 'lasting')).outcome).toBe(
      'soldOut',
    );

    // A day short of the expiry nothing moves; the sweeper on an injected clock at day 8 returns it.
    expect((await sweepExpiredHolds(db, day(6))).map((row) => row.id)).not.toContain(won.prize?.id);
    let clock = day(8).getTime();
    const { ctx } = context(ledger, () => clock, 'lasting');
    const expired: number[] = [];
    stops.push(
      startHoldSweeper(ctx, { intervalMs: 50, onExpired: (rows) => expired.push(...rows.map((r) => r.id)) }),
    );
    await expect.poll(() => expired, { timeout: 10_000 }).toContain(won.prize?.id);
    clock = day(9).getTime();
    const [row] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.id, won.prize?.id as number));
    expect(row).toMatchObject({ status: 'failed', lastError: HOLD_EXPIRED });
    const [claim] = await db.select().from(dropClaims).where(eq(dropClaims.memberId, guest.id));
    expect(claim?.won).toBe(false);
    const [counted] = await db
      .select()
      .from(eventDrops)
      .where(eq(eventDrops.id, drop?.id as number));
    expect(counted?.claimed).toBe(0);

    // Too late for the guest: keeping the account now releases nothing.
    await addEmail(ledger, guest.id);
    expect(await releaseIdentityHolds(ctx, guest.id)).toEqual([]);

    // The place is free again: another member wins it.
    const other = await createMember(db, { displayName: 'Other' });
    await addEmail(ledger, other.id);
    const again = await claimDrop(db, live.id, 'voucher', other.id, day(8), CUSTODY, 'lasting');
    expect(again.outcome).toBe('won');
    expect(again.prize).toMatchObject({ status: 'queued', recipient: CUSTODY, holdExpiresAt: null });
  });

  it('releases holds when a credential is added and tells the member when one expires', async () => {
    await ready;
    let clock = day(1).getTime();
    const { ctx } = context(ledger, () => clock, 'lasting', CUSTODY);
    const appContext = ctx as unknown as AppContext;
    stops.push(startPrizeHoldService(appContext, { intervalMs: 50 }));
    const keeper = await createMember(ledger.db, { displayName: 'Keeper' });
    const leaver = await createMember(ledger.db, { displayName: 'Leaver' });
    const kept = await finishFirstVisit(ledger, keeper.id, day(0), 'lasting', CUSTODY);
    const lost = await finishFirstVisit(ledger, leaver.id, day(0), 'lasting', CUSTODY);
    const heard: Record<string, DeliveryUpdate[]> = { [keeper.id]: [], [leaver.id]: [] };
    for (const memberId of [keeper.id, leaver.id])
      await ctx.presence.subscribe(
        `member:${memberId}`,
        (message: { type: string; payload: DeliveryUpdate }) => {
          if (message.type === 'delivery') heard[memberId]?.push(message.payload);
        },
      );

    // The sign-in core announces the new credential: the hold clears, custody applies, the member hears of it.
    await addEmail(ledger, keeper.id);
    await credentialAdded(appContext, keeper.id);
    const [released] = await ledger.db.select().from(outbox).where(eq(outbox.id, kept.id));
    expect(released).toMatchObject({ status: 'queued', recipient: CUSTODY, holdExpiresAt: null });
    await expect.poll(() => heard[keeper.id]?.map((update) => update.state)).toEqual(['held']);

    // A week on, the other hold expires and its member is told.
    clock = day(8).getTime();
    await expect
      .poll(() => heard[leaver.id]?.map((update) => update.state), { timeout: 10_000 })
      .toEqual(['failed']);
    const [expired] = await ledger.db.select().from(outbox).where(eq(outbox.id, lost.id));
    expect(expired).toMatchObject({ status: 'failed', lastError: HOLD_EXPIRED });
  });
});

describe('PRIZE_REQUIRES', () => {
  it('reads the config, else the environment, else lasting; refuses anything else', () => {
    const before = process.env.PRIZE_REQUIRES;
    try {
      delete process.env.PRIZE_REQUIRES;
      expect(prizeRequirement(undefined)).toBe('lasting');
      process.env.PRIZE_REQUIRES = 'wallet';
      expect(prizeRequirement({})).toBe('wallet');
      expect(prizeRequirement({ prizes: { requires: 'any' } })).toBe('any');
      process.env.PRIZE_REQUIRES = 'email';
      expect(() => prizeRequirement({})).toThrow(/PRIZE_REQUIRES/);
    } finally {
      if (before === undefined) delete process.env.PRIZE_REQUIRES;
      else process.env.PRIZE_REQUIRES = before;
    }
  });
});
