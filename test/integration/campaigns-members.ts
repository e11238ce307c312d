import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/open.ts';
import { pointsEntries, pointsMovements } from '../../server/db/points-schema.ts';
import {
  deviceSessions,
  memberCredentials,
  memberStamps,
  members,
  questProgress,
} from '../../server/db/schema.ts';
import { statusFor } from '../../server/domain/quests/snapshot.ts';
import { pointsProgram } from '../../shared/content/points-program.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { statusLevels } from '../../shared/content/status.ts';

/** One seeded member as the campaigns test reads it back: what each segment clause looks at. */
export interface SeededMember {
  id: string;
  index: number;
  address: string | null;
  email: string | null;
  passkey: boolean;
  consent: boolean;
  locale: string | null;
  stamps: string[];
  points: number;
  /** Days since the last visit (device session seen), or null: never seen since the account was made 90 days ago. */
  lastSeenDaysAgo: number | null;
  questsDone: string[];
  status: string;
}

const DAY = 86_400_000;
const LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi', null] as const;
const QUESTS = ['first-visit', 'frequent-flyer'];

/** The i-th member (points earned this year count toward status)'s attributes: a deterministic mix (wallets first, then emails, passkeys, guests). */
function plan(index: number, wallets: number, now: number): SeededMember {
  const held = stamps.slice(0, index % (stamps.length + 1)).map((stamp) => stamp.id);
  const points = ((index * 37) % 1000) + (index % 50 === 7 ? 6000 : 0);
  const byYear = { [new Date(now).getUTCFullYear()]: points };
  return {
    id: randomUUID(),
    index,
    address: index < wallets ? `0x${(0xc0ffee000 + index).toString(16).padStart(40, '0')}` : null,
    email: index % 3 === 0 ? `m${index}@segment.example` : null,
    passkey: index % 7 === 0,
    consent: index % 2 === 0,
    locale: LOCALES[index % LOCALES.length] ?? null,
    stamps: held,
    points,
    lastSeenDaysAgo: index % 6 === 5 ? null : index % 60,
    questsDone: QUESTS.slice(0, index % 5 === 0 ? (index % 10 === 0 ? 2 : 1) : 0),
    status: statusFor(held.length, statusLevels, { byYear, now, program: pointsProgram }).level,
  };
}

/** Creates `count` members (the first `wallets` with a wallet) and everything segments read, in one transaction. */
export async function seedMembers(
  db: Db,
  count: number,
  wallets: number,
  now: number,
): Promise<SeededMember[]> {
  const seeded = Array.from({ length: count }, (_, index) => plan(index, wallets, now));
  const createdAt = new Date(now - 90 * DAY);
  await db.transaction(async (tx) => {
    await tx.insert(members).values(
      seeded.map((m) => ({
        id: m.id,
        displayName: `Segment ${m.index}`,
        address: m.address,
        locale: m.locale,
        createdAt,
        marketingConsentAt: m.consent ? createdAt : null,
      })),
    );
    const credentials = seeded.flatMap((m) => [
      ...(m.email ? [{ id: randomUUID(), memberId: m.id, kind: 'email' as const, subject: m.email }] : []),
      ...(m.passkey
        ? [{ id: randomUUID(), memberId: m.id, kind: 'passkey' as const, subject: randomUUID() }]
        : []),
    ]);
    await tx.insert(memberCredentials).values(credentials);
    const held = seeded.flatMap((m) =>
      m.stamps.map((stampId) => ({
        memberId: m.id,
        stampId,
        questId: 'seed',
        earnedAt: createdAt,
        eventId: `seed:${m.id}:${stampId}`,
        place: 'lounge',
      })),
    );
    await tx.insert(memberStamps).values(held);
    const seen = seeded.filter((m) => m.lastSeenDaysAgo !== null);
    await tx.insert(deviceSessions).values(
      seen.map((m) => ({
        id: randomUUID(),
        memberId: m.id,
        kind: m.address ? 'wallet' : 'guest',
        refreshHash: randomUUID(),
        createdAt,
        lastSeenAt: new Date(now - (m.lastSeenDaysAgo ?? 0) * DAY - 60_000),
        idleExpiresAt: new Date(now + DAY),
      })),
    );
    const done = seeded.flatMap((m) =>
      m.questsDone.map((questId) => ({
        memberId: m.id,
        questId,
        state: { steps: [], days: [], done: true, completions: 1, completedAt: now - DAY },
        updatedAt: new Date(now - DAY),
      })),
    );
    await tx.insert(questProgress).values(done);
    const [movement] = await tx
      .insert(pointsMovements)
      .values({
        key: `seed:${randomUUID()}`,
        kind: 'earn',
        reason: { code: 'earn' },
        at: new Date(now),
      })
      .returning({ id: pointsMovements.id });
    if (!movement) throw new Error('seed: no movement');
    const earning = seeded.filter((m) => m.points !== 0);
    const total = earning.reduce((sum, m) => sum + m.points, 0);
    await tx.insert(pointsEntries).values([
      ...earning.map((m) => ({
        movementId: movement.id,
        accountKind: 'member' as const,
        accountId: m.id,
        amount: m.points,
        at: new Date(now),
      })),
      {
        movementId: movement.id,
        accountKind: 'brand' as const,
        accountId: 'brand',
        amount: -total,
        at: new Date(now),
      },
    ]);
  });
  return seeded;
}
