import { and, asc, eq } from 'drizzle-orm';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { Db } from '../db/open.ts';
import { events, memberStamps, outbox, questProgress } from '../db/schema.ts';
import { buildSnapshot } from '../domain/quests/snapshot.ts';
import { loadProgress } from './record.ts';

/** A member's journeys, passport (with each stamp's on-chain state) and status, read from the ledger. */
export async function loadQuestsSnapshot(
  db: Db,
  memberId: string,
  now: number,
  content: QuestContent,
): Promise<QuestsSnapshot> {
  const [progress, stamps, mints] = await Promise.all([
    loadProgress(db, memberId),
    db
      .select()
      .from(memberStamps)
      .where(eq(memberStamps.memberId, memberId))
      .orderBy(asc(memberStamps.earnedAt)),
    db
      .select({ itemId: outbox.itemId, status: outbox.status })
      .from(outbox)
      .where(and(eq(outbox.memberId, memberId), eq(outbox.kind, 'stamp'))),
  ]);
  const minted = new Set(mints.filter((row) => row.status === 'confirmed').map((row) => row.itemId));
  const passport = stamps.map((stamp) => ({
    stampId: stamp.stampId,
    questId: stamp.questId,
    earnedAt: stamp.earnedAt.getTime(),
    where: stamp.place,
    chain: minted.has(stamp.stampId) ? ('minted' as const) : ('pending' as const),
  }));
  return buildSnapshot(progress, passport, now, content);
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
