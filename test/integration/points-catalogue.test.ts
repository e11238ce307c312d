import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import {
  cataloguePurchases,
  catalogueStock,
  pointsMovements,
  webhookDeliveries,
} from '../../server/db/points-schema.ts';
import { outbox } from '../../server/db/schema.ts';
import { expiryDay, isoDay } from '../../server/domain/points/expiry.ts';
import { PURCHASE_BURST, PURCHASES_PER_SECOND } from '../../server/http/points-routes.ts';
import type { RunningLayover } from '../../server/main.ts';
import {
  accountTotals,
  BRAND_ACCOUNT,
  balanceOf,
  memberAccount,
  postMovement,
} from '../../server/points/ledger.ts';
import { memberNumberOf } from '../../server/points/member-number.ts';
import { purchase } from '../../server/points/purchase.ts';
import { refundFailedPurchases } from '../../server/points/purchase-refund.ts';
import { PRIZE_HOLD_MS, sweepExpiredHolds } from '../../server/prizes/eligibility.ts';
import type { CatalogueItem } from '../../shared/content/catalogue.ts';
import { pointsProgram } from '../../shared/content/points-program.ts';
import { CatalogueView, PurchaseResponse, PurchasesView } from '../../shared/protocol/catalogue.ts';
import { PointsSummary } from '../../shared/protocol/points.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { eventually, postJson, startTestLayover } from '../support/layover.ts';

// Buying from the catalogue on a real Layover (anvil, oracle, PGlite; a fresh PostgreSQL database on DATABASE_URL's
// server when it is set). Points are given through the ledger, as an adjustment would.
const DAY_MS = 86_400_000;
let layover: RunningLayover;
let db: Db;

let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const fresh = process.env.DATABASE_URL
    ? await freshDatabase(process.env.DATABASE_URL, 'catalogue')
    : undefined;
  dropDatabase = fresh?.drop;
  layover = await startTestLayover(fresh ? { databaseUrl: fresh.url } : {});
  db = layover.ctx.ledger.db;
}, 180_000);

afterAll(async () => {
  await layover?.stop();
  await dropDatabase?.();
}, 60_000);

/** Gives a member points from the brand. */
async function give(memberId: string, amount: number, at = new Date()): Promise<void> {
  await db.transaction((tx) =>
    postMovement(tx, {
      key: `test-grant:${randomUUID()}`,
      kind: 'adjustment',
      reason: { code: 'adjustment', params: { note: 'test' } },
      at,
      entries: [
        { account: BRAND_ACCOUNT, amount: -amount },
        { account: memberAccount(memberId), amount },
      ],
    }),
  );
}

/** A guest's session: a token and the member id. */
async function guest(points: number): Promise<{ token: string; memberId: string }> {
  const { status, body } = await postJson(`${layover.url}${routes.guestSignIn.path}`, { name: 'Shopper' });
  expect(status).toBe(200);
  if (points > 0) await give(body.member.id, points);
  return { token: body.token, memberId: body.member.id };
}

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const buy = (token: string, itemId: string, purchaseId: string = randomUUID()) =>
  call('POST', routes.pointsPurchase.path, token, { itemId, purchaseId });

describe('the catalogue race', () => {
  it('100 members racing for 10 units: exactly 10 sold, 90 soldOut, losers untouched, the books at 0', async () => {
    const item: CatalogueItem = {
      id: `race-${randomUUID().slice(0, 8)}`,
      name: { en: 'Race', 'zh-Hant': '賽', 'zh-Hans': '赛', vi: 'Đua' },
      description: { en: 'Race', 'zh-Hant': '賽', 'zh-Hans': '赛', vi: 'Đua' },
      cost: 250,
      reward: { type: 'perk' },
      stock: 10,
      perMemberLimit: 1,
    };
    const buyers: string[] = [];
    for (let i = 0; i < 100; i++) {
      const member = await createMember(db, { displayName: `Racer ${i}` });
      await give(member.id, 400);
      buyers.push(member.id);
    }
    const outcomes = await Promise.all(
      buyers.map((memberId) =>
        purchase(layover.ctx, {
          memberId,
          itemId: item.id,
          purchaseId: randomUUID(),
          now: new Date(),
          items: [item],
        }),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.ok);
    const refusals = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.refusal]));
    expect(won).toHaveLength(10);
    expect(refusals).toEqual(Array(90).fill('soldOut'));
    const balances = await Promise.all(buyers.map((id) => balanceOf(db, memberAccount(id))));
    expect(balances.filter((balance) => balance === 150)).toHaveLength(10);
    expect(balances.filter((balance) => balance === 400)).toHaveLength(90);
    const [stock] = await db.select().from(catalogueStock).where(eq(catalogueStock.itemId, item.id));
    expect(stock?.sold).toBe(10);
    const codes = new Set(won.map((outcome) => (outcome.ok ? outcome.purchase.perkCode : null)));
    expect(codes.size).toBe(10);
    const totals = await accountTotals(db);
    expect(Object.values(totals).reduce((sum, value) => sum + value, 0)).toBe(0);
  }, 120_000);
});

describe('buying over HTTP', () => {
  it('refuses a member without the points and takes nothing', async () => {
    const { token, memberId } = await guest(299);
    const { status, body } = await buy(token, 'harbor-coffee-drink');
    expect(status).toBe(409);
    expect(body.error).toBe('insufficientPoints');
    expect(await balanceOf(db, memberAccount(memberId))).toBe(299);
  });

  it('gives perk codes up to the per-member limit, then refuses with purchaseLimit', async () => {
    const { token, memberId } = await guest(6 * 300);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { status, body } = await buy(token, 'harbor-coffee-drink');
      expect(status).toBe(201);
      const answer = PurchaseResponse.parse(body);
      expect(answer.purchase.status).toBe('fulfilled');
      expect(answer.purchase.perkCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(answer.balance).toBe(1800 - 300 * (i + 1));
      codes.push(answer.purchase.perkCode ?? '');
    }
    expect(new Set(codes).size).toBe(5);
    const sixth = await buy(token, 'harbor-coffee-drink');
    expect(sixth.status).toBe(409);
    expect(sixth.body.error).toBe('purchaseLimit');
    expect(await balanceOf(db, memberAccount(memberId))).toBe(300);

    // The member's data export carries the whole points history and every purchase with its code.
    const exported = await call('GET', routes.exportMe.path, token);
    expect(exported.status).toBe(200);
    expect(exported.body.points).toBe(300);
    expect(exported.body.pointsHistory.map((line: { amount: number }) => line.amount)).toEqual([
      -300, -300, -300, -300, -300, 1800,
    ]);
    expect(exported.body.purchases.map((row: { perkCode: string }) => row.perkCode).sort()).toEqual(
      codes.sort(),
    );
  });

  it('buys once per purchaseId: a replay answers the same purchase, another member or item is refused', async () => {
    const { token, memberId } = await guest(1000);
    const purchaseId = randomUUID();
    const first = await buy(token, 'lumen-weekend-raffle', purchaseId);
    const again = await buy(token, 'lumen-weekend-raffle', purchaseId);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.purchase).toEqual(first.body.purchase);
    expect(again.body.balance).toBe(900);
    expect(await balanceOf(db, memberAccount(memberId))).toBe(900);
    const otherItem = await buy(token, 'harbor-coffee-drink', purchaseId);
    expect(otherItem.status).toBe(409);
    expect(otherItem.body.error).toBe('purchaseIdConflict');
    const other = await guest(1000);
    const stolen = await buy(other.token, 'lumen-weekend-raffle', purchaseId);
    expect(stolen.status).toBe(409);
    expect(stolen.body.error).toBe('purchaseIdConflict');
    expect(await balanceOf(db, memberAccount(other.memberId))).toBe(1000);
    const rows = await db
      .select()
      .from(pointsMovements)
      .where(eq(pointsMovements.key, `purchase:${purchaseId}`));
    expect(rows).toHaveLength(1);
  });

  it('answers unknownItem, invalidPurchase and 401 without a session', async () => {
    const { token } = await guest(0);
    const unknown = await buy(token, 'no-such-item');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'unknownItem']);
    const bad = await call('POST', routes.pointsPurchase.path, token, {
      itemId: 'harbor-coffee-drink',
      purchaseId: 'x',
    });
    expect([bad.status, bad.body.error]).toEqual([400, 'invalidPurchase']);
    for (const route of [routes.pointsSummary, routes.pointsCatalogue, routes.pointsPurchases]) {
      const { status, body } = await call(route.method, route.path);
      expect([status, body.error], route.path).toEqual([401, 'unauthorized']);
    }
    const anonymous = await call('POST', routes.pointsPurchase.path, undefined, {
      itemId: 'harbor-coffee-drink',
      purchaseId: randomUUID(),
    });
    expect(anonymous.status).toBe(401);
  });

  it('GET /api/points, /catalogue and /purchases answer their schemas for a guest', async () => {
    const { token } = await guest(1500);
    const bought = await buy(token, 'harbor-coffee-drink');
    expect(bought.status).toBe(201);
    const summary = await call('GET', routes.pointsSummary.path, token);
    expect(summary.status).toBe(200);
    const parsed = PointsSummary.parse(summary.body);
    expect(parsed.balance).toBe(1200);
    expect(parsed.memberNumber).toMatch(/^LO\d{10}$/);
    expect(parsed.expiring).toBeNull();
    expect(parsed.history.map((line) => [line.amount, line.reason])).toEqual([
      [-300, { code: 'purchase', params: { item: 'harbor-coffee-drink' } }],
      [1500, { code: 'adjustment', params: { note: 'test' } }],
    ]);
    const again = PointsSummary.parse((await call('GET', routes.pointsSummary.path, token)).body);
    expect(again.memberNumber).toBe(parsed.memberNumber);
    const catalogue = CatalogueView.parse((await call('GET', routes.pointsCatalogue.path, token)).body);
    expect(catalogue.balance).toBe(1200);
    const coffee = catalogue.items.find((item) => item.id === 'harbor-coffee-drink');
    expect(coffee).toEqual({
      id: 'harbor-coffee-drink',
      cost: 300,
      left: null,
      perMemberLimit: 5,
      bought: 1,
      affordable: true,
    });
    const pass = catalogue.items.find((item) => item.id === 'lounge-day-pass');
    expect(pass?.left).toBeGreaterThan(0);
    expect(catalogue.items.find((item) => item.id === 'upgrade-voucher')?.affordable).toBe(false);
    const purchases = PurchasesView.parse((await call('GET', routes.pointsPurchases.path, token)).body);
    expect(purchases.purchases).toEqual([bought.body.purchase]);
  });

  it('limits purchases per member: a burst of 10, then 429 rateLimited (checked before anything else)', async () => {
    const { token } = await guest(0);
    const other = await guest(0);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => buy(token, 'lumen-weekend-raffle')));
    const refilled = Math.ceil(((Date.now() - started) / 1000) * PURCHASES_PER_SECOND);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.every((answer) => answer.body.error === 'rateLimited')).toBe(true);
    expect(limited.length).toBeGreaterThanOrEqual(Math.max(1, 20 - PURCHASE_BURST - refilled));
    const passed = answers.filter((answer) => answer.status !== 429);
    expect(passed.every((answer) => answer.body.error === 'insufficientPoints')).toBe(true);
    const elsewhere = await buy(other.token, 'lumen-weekend-raffle');
    expect(elsewhere.body.error).toBe('insufficientPoints');
  });

  it('shows the expiry notice once the next expiry is within 30 days', async () => {
    const { token, memberId } = await guest(0);
    const earned = new Date(Date.now() - 340 * DAY_MS);
    await give(memberId, 120, earned);
    await give(memberId, 30);
    const summary = PointsSummary.parse((await call('GET', routes.pointsSummary.path, token)).body);
    expect(summary.balance).toBe(150);
    expect(summary.expiring).toEqual({
      amount: 120,
      on: isoDay(expiryDay(earned.getTime(), pointsProgram.expiry.months)),
    });
  });

  it('sends miles to Skyway Air as a webhook naming the member number, once', async () => {
    const { token } = await guest(1000);
    const purchaseId = randomUUID();
    const { status, body } = await buy(token, 'skyway-miles-500', purchaseId);
    expect(status).toBe(201);
    expect(body.purchase.status).toBe('fulfilled');
    const summary = PointsSummary.parse((await call('GET', routes.pointsSummary.path, token)).body);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventKey, `purchase:${purchaseId}`));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.partnerId).toBe('skyway-air');
    expect(deliveries[0]?.type).toBe('points.transferred');
    expect(deliveries[0]?.payload).toMatchObject({ memberNumber: summary.memberNumber, partnerUnits: 500 });
  });
});

describe('prize purchases', () => {
  it('a mint the chain refuses is refunded exactly once: points back, unit back in stock', async () => {
    // A real refusal: the member's wallet is the LoungePass contract, which cannot receive ERC-1155 tokens, so the
    // oracle's simulation reverts with ERC1155InvalidReceiver and fails the row.
    const member = await createMember(db, {
      displayName: 'Contract wallet',
      address: layover.ctx.chain.contracts.LoungePass,
    });
    await give(member.id, 2600);
    const outcome = await purchase(layover.ctx, {
      memberId: member.id,
      itemId: 'upgrade-voucher',
      purchaseId: randomUUID(),
      now: new Date(),
    });
    if (!outcome.ok) throw new Error(`purchase refused: ${outcome.refusal}`);
    expect(outcome.purchase.status).toBe('pending');
    expect(outcome.balance).toBe(100);
    const id = outcome.purchase.id;
    const soldBefore = await sold('upgrade-voucher');
    const failed = await eventually(
      async () => {
        const [row] = await db
          .select({ status: outbox.status, lastError: outbox.lastError })
          .from(outbox)
          .where(eq(outbox.eventId, `purchase:${id}`));
        return row?.status === 'failed' ? row : undefined;
      },
      'the mint to fail',
      60_000,
    );
    expect(failed.lastError).toContain('ERC1155InvalidReceiver');
    // The server's own sweep runs every 5 s beside these two: three sweepers, one refund.
    await Promise.all([
      refundFailedPurchases(layover.ctx, new Date()),
      refundFailedPurchases(layover.ctx, new Date()),
    ]);
    await eventually(
      async () => ((await purchaseStatus(id)) === 'refunded' ? true : undefined),
      'the refund',
    );
    await refundFailedPurchases(layover.ctx, new Date());
    const refunds = await db
      .select()
      .from(pointsMovements)
      .where(eq(pointsMovements.key, `refund:${id}`));
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.reason).toEqual({ code: 'refund', params: { item: 'upgrade-voucher' } });
    expect(await balanceOf(db, memberAccount(member.id))).toBe(2600);
    expect(await sold('upgrade-voucher')).toBe(soldBefore - 1);
  }, 90_000);

  it('a prize held for a guest that nobody kept goes back to supply and its purchase is refunded', async () => {
    // PRIZE_REQUIRES is `lasting` by default: a guest's prize waits unminted for 7 days, then the hold sweep fails it.
    const { token, memberId } = await guest(800);
    const { status, body } = await buy(token, 'lounge-day-pass');
    expect(status).toBe(201);
    expect([body.purchase.status, body.purchase.delivery]).toEqual(['pending', 'held']);
    const later = new Date(Date.now() + PRIZE_HOLD_MS + DAY_MS);
    const expired = await sweepExpiredHolds(db, later);
    expect(expired.map((row) => row.eventId)).toContain(`purchase:${body.purchase.id}`);
    // This sweep or the server's own (every 5 s) refunds it: once either way.
    await refundFailedPurchases(layover.ctx, later);
    expect(await purchaseStatus(body.purchase.id)).toBe('refunded');
    const refunds = await db
      .select()
      .from(pointsMovements)
      .where(eq(pointsMovements.key, `refund:${body.purchase.id}`));
    expect(refunds).toHaveLength(1);
    expect(await balanceOf(db, memberAccount(memberId))).toBe(800);
    const mine = PurchasesView.parse((await call('GET', routes.pointsPurchases.path, token)).body);
    expect(mine.purchases.map((line) => [line.status, line.delivery])).toEqual([['refunded', 'failed']]);
  });

  it('gives a member one number however many requests ask at once', async () => {
    const member = await createMember(db, { displayName: 'Numbered' });
    const numbers = await Promise.all(Array.from({ length: 5 }, () => memberNumberOf(db, member.id)));
    expect(new Set(numbers).size).toBe(1);
    expect(numbers[0]).toMatch(/^LO\d{10}$/);
  });

  it('a prize minted to the member fulfils the purchase', async () => {
    const member = await createMember(db, {
      displayName: 'Wallet',
      address: `0x${randomUUID().replaceAll('-', '').slice(0, 32)}00000000`,
    });
    await give(member.id, 800);
    const outcome = await purchase(layover.ctx, {
      memberId: member.id,
      itemId: 'lounge-day-pass',
      purchaseId: randomUUID(),
      now: new Date(),
    });
    if (!outcome.ok) throw new Error(`purchase refused: ${outcome.refusal}`);
    expect(outcome.purchase.delivery).toBe('queued');
    await eventually(
      async () => ((await purchaseStatus(outcome.purchase.id)) === 'fulfilled' ? true : undefined),
      'the purchase to be fulfilled',
      60_000,
    );
    expect(await balanceOf(db, memberAccount(member.id))).toBe(0);
  }, 90_000);
});

async function sold(itemId: string): Promise<number> {
  const [row] = await db.select().from(catalogueStock).where(eq(catalogueStock.itemId, itemId));
  return row?.sold ?? 0;
}

async function purchaseStatus(purchaseId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ status: cataloguePurchases.status })
    .from(cataloguePurchases)
    .where(and(eq(cataloguePurchases.id, purchaseId)));
  return row?.status;
}
