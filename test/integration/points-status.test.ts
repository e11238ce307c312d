import { randomUUID } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/context.ts';
import type { PointsMovementKind } from '../../server/db/points-schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { earningFor } from '../../server/partners/members.ts';
import {
  BRAND_ACCOUNT,
  balanceOf,
  CATALOGUE_ACCOUNT,
  memberAccount,
  type PointsAccount,
  postMovement,
} from '../../server/points/ledger.ts';
import { memberStatus, qualifyingPoints } from '../../server/points/member-status.ts';
import { loadQuestsSnapshot } from '../../server/quests/passport.ts';
import { recordQuestEvent } from '../../server/quests/record.ts';
import { parseEarningRules } from '../../shared/content/earning-rules.ts';
import { questContent } from '../../shared/content/quests.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { freshDatabase } from '../support/fresh-database.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// Status by qualifying points on a real Layover (PGlite, or a fresh database on DATABASE_URL's server): a member
// with no stamps reaches Jetsetter by partner points (snapshot, name tag, VIP), and loses it when the grace ends.
let layover: RunningLayover;
let dropDatabase: (() => Promise<void>) | undefined;
const rooms: Room<unknown, LoungeState>[] = [];
const THIS_YEAR = new Date().getUTCFullYear();
const SKYWAY: PointsAccount = { kind: 'partner', id: 'skyway-air' };

beforeAll(async () => {
  const fresh = process.env.DATABASE_URL
    ? await freshDatabase(process.env.DATABASE_URL, 'status')
    : undefined;
  dropDatabase = fresh?.drop;
  // Refused joins hold their seat lease a while: room caps above what these few joins need.
  const roomCaps = { perMember: 20, perIp: 1000 };
  layover = await startTestLayover(fresh ? { databaseUrl: fresh.url, roomCaps } : { roomCaps });
}, 180_000);

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
  await dropDatabase?.();
}, 60_000);

async function guest(name: string): Promise<{ token: string; id: string }> {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name });
  expect(status).toBe(200);
  return { token: body.token, id: body.member.id };
}

/** Posts one movement of `kind` through the ledger: `amount` to the member, the other side from `from`. */
async function give(
  memberId: string,
  amount: number,
  at: Date,
  kind: PointsMovementKind,
  from: PointsAccount,
) {
  await layover.ctx.ledger.db.transaction((tx) =>
    postMovement(tx, {
      key: `test-${kind}:${randomUUID()}`,
      kind,
      reason: { code: kind, params: {} },
      at,
      ...(from.kind === 'partner' ? { partnerId: from.id } : {}),
      entries: [
        { account: memberAccount(memberId), amount },
        { account: from, amount: -amount },
      ],
    }),
  );
}

async function joinVip(token: string): Promise<'admitted' | number> {
  try {
    rooms.push(await new Client(layover.url).joinOrCreate<LoungeState>('vip', { token }));
    return 'admitted';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

/** Runs `body` with the server's clock held at `now` (rooms and admission read ctx.clock). */
async function heldAt<T>(now: number, body: () => Promise<T>): Promise<T> {
  const real: Clock = layover.ctx.clock;
  Object.assign(layover.ctx, { clock: { now: () => now } });
  try {
    return await body();
  } finally {
    Object.assign(layover.ctx, { clock: real });
  }
}

describe('qualifying points', () => {
  it('sums the member entries of qualifying kinds per UTC year in SQL, signed, purchases and openings left out', async () => {
    const member = await guest('Counted');
    await give(member.id, 20_000, new Date(Date.UTC(THIS_YEAR, 0, 1, 0, 0, 1)), 'partner', SKYWAY);
    await give(member.id, -500, new Date(Date.UTC(THIS_YEAR, 0, 2)), 'partnerReversal', SKYWAY);
    await give(member.id, -5_000, new Date(Date.UTC(THIS_YEAR, 0, 3)), 'purchase', CATALOGUE_ACCOUNT);
    await give(member.id, 900, new Date(Date.UTC(THIS_YEAR, 0, 4)), 'opening', BRAND_ACCOUNT);
    await give(member.id, 40, new Date(Date.UTC(THIS_YEAR - 1, 11, 31, 23, 59, 59)), 'earn', BRAND_ACCOUNT);
    await give(member.id, 7, new Date(Date.UTC(THIS_YEAR - 1, 5, 1)), 'quest', BRAND_ACCOUNT);
    await give(member.id, 300, new Date(Date.UTC(THIS_YEAR - 3, 5, 1)), 'partner', SKYWAY);
    const db = layover.ctx.ledger.db;
    expect(await qualifyingPoints(db, member.id)).toEqual({
      [THIS_YEAR]: 19_500,
      [THIS_YEAR - 1]: 47,
      [THIS_YEAR - 3]: 300,
    });
    // With `now`, only the years that can still hold a level.
    expect(await qualifyingPoints(db, member.id, { now: Date.now() })).toEqual({
      [THIS_YEAR]: 19_500,
      [THIS_YEAR - 1]: 47,
    });
    const status = await memberStatus(db, member.id, 0, Date.now(), {
      levels: layover.ctx.content.current().questContent.levels,
    });
    expect(status.level).toBe('frequent-flyer');
    expect(status.qualifying).toEqual({
      thisYear: 19_500,
      until: `${THIS_YEAR + 2}-03-31`,
      next: { level: 'jetsetter', needs: 500 },
    });
  });
});

describe('status by qualifying points', () => {
  it('makes a member with no stamps a Jetsetter at 20,000 partner points: snapshot, name tag, VIP', async () => {
    const member = await guest('Flyer');
    expect(await joinVip(member.token)).toBe(JoinErrorCode.gateDenied);
    await give(member.id, 19_999, new Date(), 'partner', SKYWAY);
    expect(await joinVip(member.token)).toBe(JoinErrorCode.gateDenied);
    await give(member.id, 1, new Date(), 'partner', SKYWAY);

    const lounge = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: member.token });
    rooms.push(lounge);
    const snapshots: QuestsSnapshot[] = [];
    lounge.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    const snapshot = await waitFor(() => snapshots.at(-1), 5000, 'the first snapshot');
    expect(snapshot.stamps).toEqual([]);
    expect(snapshot.status).toMatchObject({
      level: 'jetsetter',
      stamps: 0,
      next: null,
      qualifying: { thisYear: 20_000, until: `${THIS_YEAR + 2}-03-31`, next: null },
    });
    await waitFor(
      () => [...lounge.state.members.values()].find((tag) => tag.id === member.id)?.status === 'jetsetter',
      5000,
      'the Jetsetter name tag',
    );
    expect(await joinVip(member.token)).toBe('admitted');
  });

  it('holds a year of points through the grace months and lets go the day after', async () => {
    const year = THIS_YEAR - 2;
    const member = await guest('Lapsed');
    await give(member.id, 25_000, new Date(Date.UTC(year, 6, 1)), 'partner', SKYWAY);
    const db = layover.ctx.ledger.db;
    const lastDay = Date.UTC(year + 2, 2, 31, 23, 59, 59);
    const ended = Date.UTC(year + 2, 3, 1);

    const held = await loadQuestsSnapshot(db, member.id, lastDay, questContent);
    expect(held.status.level).toBe('jetsetter');
    expect(held.status).toMatchObject({ qualifying: { thisYear: 0, until: `${year + 2}-03-31` } });
    const lapsed = await loadQuestsSnapshot(db, member.id, ended, questContent);
    expect(lapsed.status).toMatchObject({
      level: 'guest',
      qualifying: { thisYear: 0, until: null, next: { level: 'frequent-flyer', needs: 5_000 } },
    });

    // The day after first: once the clock stands on a Jetsetter day, the pass rules may issue a Gold LoungePass
    // (held for this walletless member), which opens VIP for good (server/passes: tiers only go up).
    expect(await heldAt(ended, () => joinVip(member.token))).toBe(JoinErrorCode.gateDenied);
    expect(await heldAt(lastDay, () => joinVip(member.token))).toBe('admitted');
  });
});

describe('tier bonus by status held by points', () => {
  it('gives a Jetsetter by points the Jetsetter bonus on partner and lounge earning rules', async () => {
    const db = layover.ctx.ledger.db;
    const jet = await guest('Bonus');
    const plain = await guest('NoBonus');
    await give(jet.id, 20_000, new Date(), 'partner', SKYWAY);
    const flight = (memberId: string) =>
      earningFor(db, {
        partner: { id: 'skyway-air', name: 'Skyway Air' },
        type: 'flight',
        units: 1_000,
        description: 'SKY 1',
        memberId,
        at: new Date(),
        levels: layover.ctx.content.current().questContent.levels,
      });
    // skyway-air-flight: 1 a mile, Jetsetter +50%.
    expect((await flight(plain.id))?.points).toBe(1_000);
    expect((await flight(jet.id))?.points).toBe(1_500);

    const rules = parseEarningRules('test', [
      {
        id: 'test-game',
        name: { en: 'Game', 'zh-Hant': '遊戲', 'zh-Hans': '游戏', vi: 'Trò chơi' },
        on: 'gameFinished',
        points: 10,
        tierBonus: { jetsetter: 100 },
      },
    ]);
    for (const member of [jet, plain])
      await recordQuestEvent(db, {
        memberId: member.id,
        event: {
          id: randomUUID(),
          kind: 'gameFinished',
          gameId: 'bags',
          score: 1,
          won: false,
          place: 'bags',
        },
        at: new Date(),
        content: questContent,
        rules,
      });
    expect(await balanceOf(db, memberAccount(jet.id))).toBe(20_000 + 20);
    expect(await balanceOf(db, memberAccount(plain.id))).toBe(10);
  });
});
