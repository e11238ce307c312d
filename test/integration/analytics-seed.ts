import { memberDays } from '../../server/db/analytics-schema.ts';
import { eventVisits, liveEvents } from '../../server/db/live-event-schema.ts';
import type { Db } from '../../server/db/open.ts';
import { perkRedemptions } from '../../server/db/perks-schema.ts';
import {
  gameDailyBest,
  gameScores,
  memberCredentials,
  memberStamps,
  members,
  outbox,
  questProgress,
} from '../../server/db/schema.ts';
import type { QuestProgress } from '../../server/domain/quests/engine.ts';
import type { LiveEventSpec } from '../../shared/content/live-events.ts';

const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00Z`);

/**
 * Three weeks of a program (Mondays 2 and 9 and 16 November 2026), for analytics.test.ts. By hand:
 * - members: m1 guest (2 Nov), m2 email (2 Nov), m3 passkey then email (3 Nov: passkey), m4 wallet (4 Nov),
 *   m5 brand login (10 Nov), m6 guest (16 Nov);
 * - active days: m1 2, 3, 10, 17 · m2 2, 16 · m3 3 · m4 4, 11 · m5 10, 18 · m6 16, 18 November;
 *   cohort W45 = m1..m4 (4): week +1 m1, m4; week +2 m1, m2 · W46 = m5: week +1 m5 · W47 = m6;
 * - stamps first-visit (m1 3 Nov, m2 16 Nov), frequent-flyer (m4 11 Nov);
 * - prize rows lounge-day-pass delivered 3 Nov, held 10 Nov (the oracle leaves held rows alone), failed 11 Nov; gold-pass held 17 Nov; a stamp row
 *   (not a prize); redemptions of lounge-day-pass: 2 on 12 Nov, 1 on 17 Nov;
 * - rounds: plane m1 ×2 on 10 Nov, m2 on 16 Nov; trivia m1 on 17 Nov;
 * - event analytics-night 10 Nov 18:00: m1 18:00-18:30 and 18:20-19:00, m2 18:10-18:50, m3 18:50-19:10 (3 visitors,
 *   peak 2); a cancelled event on 12 Nov;
 * - first-visit runs: m1 two steps, m2 all three (done).
 */
export async function seedProgram(db: Db): Promise<void> {
  const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((name) => `analytics-${name}`);
  const [m1 = '', m2 = '', m3 = '', m4 = '', m5 = '', m6 = ''] = ids;
  await db.insert(members).values([
    { id: m1, displayName: 'Guest One', createdAt: at('2026-11-02', '10:00') },
    { id: m2, displayName: 'Email Two', createdAt: at('2026-11-02', '15:00') },
    { id: m3, displayName: 'Passkey Three', createdAt: at('2026-11-03') },
    {
      id: m4,
      displayName: 'Wallet Four',
      address: '0x00000000000000000000000000000000000a4a14',
      createdAt: at('2026-11-04'),
    },
    { id: m5, displayName: 'Brand Five', createdAt: at('2026-11-10') },
    { id: m6, displayName: 'Guest Six', createdAt: at('2026-11-16') },
  ]);
  const credential = (memberId: string, kind: 'email' | 'passkey' | 'oidc', day: string) => ({
    id: `${memberId}-${kind}`,
    memberId,
    kind,
    subject: `${memberId}-${kind}`,
    createdAt: at(day, '16:00'),
  });
  await db
    .insert(memberCredentials)
    .values([
      credential(m2, 'email', '2026-11-02'),
      credential(m3, 'passkey', '2026-11-03'),
      credential(m3, 'email', '2026-11-05'),
      credential(m5, 'oidc', '2026-11-10'),
    ]);
  const days: [string, string[]][] = [
    [m1, ['02', '03', '10', '17']],
    [m2, ['02', '16']],
    [m3, ['03']],
    [m4, ['04', '11']],
    [m5, ['10', '18']],
    [m6, ['16', '18']],
  ];
  await db
    .insert(memberDays)
    .values(days.flatMap(([memberId, list]) => list.map((d) => ({ memberId, day: `2026-11-${d}` }))));

  const stamp = (memberId: string, stampId: string, day: string) => ({
    memberId,
    stampId,
    questId: stampId,
    earnedAt: at(day),
    eventId: `${memberId}:${stampId}`,
    place: 'lounge',
  });
  await db
    .insert(memberStamps)
    .values([
      stamp(m1, 'first-visit', '2026-11-03'),
      stamp(m2, 'first-visit', '2026-11-16'),
      stamp(m4, 'frequent-flyer', '2026-11-11'),
    ]);
  const row = (
    kind: 'prize' | 'stamp',
    itemId: string,
    status: 'delivered' | 'queued' | 'failed' | 'held',
    day: string,
  ) => ({
    kind,
    memberId: m1,
    itemId,
    eventId: `${itemId}-${day}`,
    status,
    createdAt: at(day),
  });
  await db
    .insert(outbox)
    .values([
      row('prize', 'lounge-day-pass', 'delivered', '2026-11-03'),
      row('prize', 'lounge-day-pass', 'held', '2026-11-10'),
      row('prize', 'lounge-day-pass', 'failed', '2026-11-11'),
      row('prize', 'gold-pass', 'held', '2026-11-17'),
      row('stamp', 'first-visit', 'queued', '2026-11-03'),
    ]);
  await db.insert(perkRedemptions).values([
    { key: 'analytics-r1', memberId: m1, prizeId: 'lounge-day-pass', amount: 2, createdAt: at('2026-11-12') },
    { key: 'analytics-r2', memberId: m2, prizeId: 'lounge-day-pass', amount: 1, createdAt: at('2026-11-17') },
  ]);

  const round = (memberId: string, gameId: string, day: string, n: number) => ({
    eventId: `${memberId}:${gameId}:${day}:${n}`,
    gameId,
    memberId,
    score: 10 + n,
    won: false,
    day,
    at: at(day),
  });
  await db
    .insert(gameScores)
    .values([
      round(m1, 'plane', '2026-11-10', 1),
      round(m1, 'plane', '2026-11-10', 2),
      round(m2, 'plane', '2026-11-16', 1),
      round(m1, 'trivia', '2026-11-17', 1),
    ]);
  await db.insert(gameDailyBest).values([
    { gameId: 'plane', day: '2026-11-10', memberId: m1, score: 12, at: at('2026-11-10') },
    { gameId: 'plane', day: '2026-11-16', memberId: m2, score: 11, at: at('2026-11-16') },
    { gameId: 'trivia', day: '2026-11-17', memberId: m1, score: 11, at: at('2026-11-17') },
  ]);

  await seedEvents(db, m1, m2, m3);
  const run = (steps: number[], done: boolean): QuestProgress => ({
    steps,
    days: [],
    done,
    completions: done ? 1 : 0,
    completedAt: done ? at('2026-11-16').getTime() : null,
  });
  await db.insert(questProgress).values([
    { memberId: m1, questId: 'first-visit', state: run([1, 1, 0], false), updatedAt: at('2026-11-03') },
    { memberId: m2, questId: 'first-visit', state: run([1, 1, 1], true), updatedAt: at('2026-11-16') },
  ]);
}

async function seedEvents(db: Db, m1: string, m2: string, m3: string): Promise<void> {
  const event = (id: string, title: string, startsAt: Date, cancelled: boolean) => ({
    id,
    spec: { title, startsAt: startsAt.toISOString(), durationMinutes: 60 } as unknown as LiveEventSpec,
    hall: 'main',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    createdBy: 'analytics-test',
    cancelledAt: cancelled ? startsAt : null,
  });
  await db
    .insert(liveEvents)
    .values([
      event('analytics-night', '=SUM(1,2) "Night"', at('2026-11-10', '18:00'), false),
      event('analytics-cancelled', 'Cancelled', at('2026-11-12', '18:00'), true),
    ]);
  const stay = (memberId: string, from: string, to: string) => ({
    eventId: 'analytics-night',
    memberId,
    roomId: 'hall-1',
    joinedAt: at('2026-11-10', from),
    leftAt: at('2026-11-10', to),
  });
  await db
    .insert(eventVisits)
    .values([
      stay(m1, '18:00', '18:30'),
      stay(m1, '18:20', '19:00'),
      stay(m2, '18:10', '18:50'),
      stay(m3, '18:50', '19:10'),
    ]);
  await db.insert(eventVisits).values({ ...stay(m2, '12:00', '12:30'), eventId: 'analytics-cancelled' });
}
