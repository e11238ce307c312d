import { asc, eq } from 'drizzle-orm';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import type { PrizeView, QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { Db } from '../db/open.ts';
import { events, memberStamps, outbox, questProgress } from '../db/schema.ts';
import { buildSnapshot } from '../domain/quests/snapshot.ts';
import { claimIdFor, claimPrefix, deliveryState } from '../prizes/claims.ts';
import { shownRecipient } from '../prizes/custody.ts';
import { loadProgress } from './record.ts';

type OutboxRow = typeof outbox.$inferSelect;

/** A prize row as its member sees it. */
export function prizeView(prefix: string, row: OutboxRow): PrizeView {
  return {
    claimId: claimIdFor(prefix, row.id),
    prizeId: row.itemId,
    source: row.source,
    wonAt: row.createdAt.getTime(),
    state: deliveryState(row),
    txHash: row.txHash,
    to: shownRecipient(row),
  };
}

/** A member's journeys, passport (with each stamp's on-chain state), prizes and status, read from the ledger. */
export async function loadQuestsSnapshot(
  db: Db,
  memberId: string,
  now: number,
  content: QuestContent,
): Promise<QuestsSnapshot> {
  const [progress, stamps, rows, prefix] = await Promise.all([
    loadProgress(db, memberId),
    db
      .select()
      .from(memberStamps)
      .where(eq(memberStamps.memberId, memberId))
      .orderBy(asc(memberStamps.earnedAt)),
    db.select().from(outbox).where(eq(outbox.memberId, memberId)).orderBy(asc(outbox.id)),
    claimPrefix(db),
  ]);
  const stampRows = new Map(rows.filter((row) => row.kind === 'stamp').map((row) => [row.itemId, row]));
  const passport = stamps.map((stamp) => {
    const row = stampRows.get(stamp.stampId);
    return {
      stampId: stamp.stampId,
      questId: stamp.questId,
      earnedAt: stamp.earnedAt.getTime(),
      where: stamp.place,
      chain: row ? deliveryState(row) : ('held' as const),
      txHash: row?.txHash ?? null,
    };
  });
  const prizes = rows.filter((row) => row.kind === 'prize').map((row) => prizeView(prefix, row));
  return buildSnapshot(progress, passport, prizes, now, content);
}

/** How many passport stamps a member holds (their status comes from it). */
export async function countStamps(db: Db, memberId: string): Promise<number> {
  const rows = await db
    .select({ stampId: memberStamps.stampId })
    .from(memberStamps)
    .where(eq(memberStamps.memberId, memberId));
  return rows.length;
}

/** Everything the ledger holds about a member's quests, for a data export. */
export async function exportQuestRecord(db: Db, memberId: string) {
  const [memberEvents, progress, stamps, queued, points] = await Promise.all([
    db.select().from(events).where(eq(events.memberId, memberId)).orderBy(asc(events.at)),
    db.select().from(questProgress).where(eq(questProgress.memberId, memberId)),
    db.select().from(memberStamps).where(eq(memberStamps.memberId, memberId)),
    db.select().from(outbox).where(eq(outbox.memberId, memberId)).orderBy(asc(outbox.id)),
    loadProgress(db, memberId).then((loaded) => loaded.points),
  ]);
  return { events: memberEvents, progress, stamps, points, outbox: queued };
}
