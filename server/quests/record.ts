import { eq } from 'drizzle-orm';
import { type EarningRule, earningRules } from '../../shared/content/earning-rules.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import { alignProgress, markSteps } from '../content/journey.ts';
import type { Db } from '../db/open.ts';
import { events, memberStamps, questProgress } from '../db/schema.ts';
import {
  type MemberProgress,
  type QuestEffect,
  type QuestEvent,
  reduceQuests,
} from '../domain/quests/engine.ts';
import { earnForEvent, occurrencesOf } from '../points/earn-lounge.ts';
import { BRAND_ACCOUNT, balanceOf, lockMember, memberAccount, postMovement } from '../points/ledger.ts';
import { memberStatus } from '../points/member-status.ts';
import { type OutboxRow, queueAward } from '../prizes/award.ts';
import type { PrizeRequirement } from '../prizes/eligibility.ts';

export interface RecordResult {
  /** False when the event id was already in the ledger: nothing changed. */
  recorded: boolean;
  effects: QuestEffect[];
  /** Outbox rows of the prizes this event won (to tell the member). */
  prizes: OutboxRow[];
}

/** A member's quest progress, stamps and points as the engine reads them; runs aligned to `content`'s journeys if given. */
export async function loadProgress(
  db: Db,
  memberId: string,
  content?: QuestContent,
): Promise<MemberProgress> {
  const [runs, stamps, points] = await Promise.all([
    db.select().from(questProgress).where(eq(questProgress.memberId, memberId)),
    db.select().from(memberStamps).where(eq(memberStamps.memberId, memberId)),
    balanceOf(db, memberAccount(memberId)),
  ]);
  const progress: MemberProgress = {
    quests: Object.fromEntries(runs.map((run) => [run.questId, run.state])),
    stamps: Object.fromEntries(stamps.map((stamp) => [stamp.stampId, stamp.earnedAt.getTime()])),
    points,
  };
  return content ? alignProgress(progress, content) : progress;
}

/** Records one domain event and everything it earned in one transaction; a replayed event id changes nothing. */
export async function recordQuestEvent(
  db: Db,
  input: {
    memberId: string;
    event: QuestEvent;
    at: Date;
    content: QuestContent;
    /** Stamps the event earns outright (a live event's attendance stamp), besides what quests award. */
    grants?: readonly { stampId: string; source: string }[];
    /** The brand's custody address for guests' prizes (AppContext.custodyAddress). */
    custody?: string | undefined;
    /** The brand's PRIZE_REQUIRES for the prizes it wins (`prizeRequirement(ctx.config)`); omitted means `any`. */
    requires?: PrizeRequirement | undefined;
    /** The earning rules lounge events earn points by; omitted means the brand's (shared/content/earning-rules.ts). */
    rules?: readonly EarningRule[] | undefined;
    /** The published prizes (ctx.content.current().bundle.prizes): decide custody for a prize it wins. */
    prizes?: readonly Prize[] | undefined;
  },
): Promise<RecordResult> {
  const { memberId, event, at, content } = input;
  return db.transaction(async (tx) => {
    // One writer per member at a time, across processes sharing PostgreSQL.
    await lockMember(tx, memberId);
    const inserted = await tx
      .insert(events)
      .values({ id: event.id, memberId, kind: event.kind, payload: event, at })
      .onConflictDoNothing({ target: events.id })
      .returning({ id: events.id });
    if (inserted.length === 0) return { recorded: false, effects: [], prizes: [] };

    const before = await loadProgress(tx, memberId, content);
    const { progress, effects } = reduceQuests(before, event, at.getTime(), content);
    for (const [questId, reduced] of Object.entries(progress.quests)) {
      if (JSON.stringify(reduced) === JSON.stringify(before.quests[questId])) continue;
      const quest = content.quests.find((candidate) => candidate.id === questId);
      const state = quest ? markSteps(quest, reduced) : reduced;
      await tx
        .insert(questProgress)
        .values({ memberId, questId, state, updatedAt: at })
        .onConflictDoUpdate({
          target: [questProgress.memberId, questProgress.questId],
          set: { state, updatedAt: at },
        });
    }
    const place = event.place ?? '';
    const prizes: OutboxRow[] = [];
    for (const effect of effects) {
      if (effect.type === 'StampEarned') {
        await tx
          .insert(memberStamps)
          .values({
            memberId,
            stampId: effect.stampId,
            questId: effect.questId,
            earnedAt: at,
            eventId: event.id,
            place,
          })
          .onConflictDoNothing();
        await queueAward(tx, {
          custody: input.custody,
          kind: 'stamp',
          memberId,
          itemId: effect.stampId,
          eventId: event.id,
          source: effect.questId,
          at,
        });
      } else if (effect.type === 'PrizeWon') {
        prizes.push(
          await queueAward(tx, {
            custody: input.custody,
            requires: input.requires,
            prizes: input.prizes,
            kind: 'prize',
            memberId,
            itemId: effect.prizeId,
            eventId: event.id,
            source: effect.questId,
            at,
          }),
        );
      }
    }
    // After the quest effects, so a granted stamp is queued once, here.
    for (const grant of input.grants ?? []) {
      const granted = await tx
        .insert(memberStamps)
        .values({
          memberId,
          stampId: grant.stampId,
          questId: grant.source,
          earnedAt: at,
          eventId: event.id,
          place,
        })
        .onConflictDoNothing()
        .returning({ stampId: memberStamps.stampId });
      if (granted.length === 0) continue;
      effects.push({ type: 'StampEarned', questId: grant.source, stampId: grant.stampId });
      await queueAward(tx, {
        custody: input.custody,
        kind: 'stamp',
        memberId,
        itemId: grant.stampId,
        eventId: event.id,
        source: grant.source,
        at,
      });
    }
    await postQuestPoints(tx, memberId, event.id, effects, at);
    const stamps = new Set(Object.keys(progress.stamps));
    for (const effect of effects) if (effect.type === 'StampEarned') stamps.add(effect.stampId);
    await earnForEvent(tx, {
      memberId,
      occurrences: occurrencesOf(memberId, event, effects),
      at,
      statusId: (await memberStatus(tx, memberId, stamps.size, at.getTime(), { levels: content.levels }))
        .level,
      rules: input.rules ?? earningRules,
    });
    return { recorded: true, effects, prizes };
  });
}

/** Each quest's points from one event: one movement `quest:<eventId>:<questId>`, the brand paying the member. */
export async function postQuestPoints(
  tx: Db,
  memberId: string,
  eventId: string,
  effects: readonly QuestEffect[],
  at: Date,
): Promise<void> {
  const byQuest = new Map<string, number>();
  for (const effect of effects)
    if (effect.type === 'PointsAdded')
      byQuest.set(effect.questId, (byQuest.get(effect.questId) ?? 0) + effect.points);
  for (const [questId, points] of byQuest) {
    if (points === 0) continue;
    await postMovement(tx, {
      key: `quest:${eventId}:${questId}`,
      kind: 'quest',
      reason: { code: 'quest', params: { quest: questId } },
      at,
      source: questId,
      entries: [
        { account: memberAccount(memberId), amount: points },
        { account: BRAND_ACCOUNT, amount: -points },
      ],
    });
  }
}
