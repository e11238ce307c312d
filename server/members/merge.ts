import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Prize } from '../../shared/content/prizes.ts';
import type { Quest, QuestContent, QuestStep } from '../../shared/content/quest-schema.ts';
import { moveActiveDays } from '../analytics/member-days.ts';
import { revokeMemberDevices } from '../auth/device-sessions.ts';
import {
  dropClaims,
  eventBans,
  eventDrops,
  eventReports,
  eventVisits,
  pollVotes,
} from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { cataloguePurchases, memberNumbers, partnerActivities, pointsNotices } from '../db/points-schema.ts';
import {
  accountAudit,
  deviceSessions,
  events,
  gameBest,
  gameDailyBest,
  gameScores,
  memberCredentials,
  memberStamps,
  members,
  outbox,
  questProgress,
} from '../db/schema.ts';
import {
  inWindow,
  type MemberProgress,
  prerequisitesMet,
  type QuestEffect,
  type QuestProgress,
  reduceQuests,
} from '../domain/quests/engine.ts';
import { movePerks } from '../perks/merge-perks.ts';
import { BRAND_ACCOUNT, memberAccount, postMovement } from '../points/ledger.ts';
import { queueAward } from '../prizes/award.ts';
import { type PrizeRequirement, prizeRequirement, releaseHoldsIn } from '../prizes/eligibility.ts';
import { loadProgress, postQuestPoints } from '../quests/record.ts';

/**
 * Merging a guest into an existing member ("continue as that member", or a guest signing in with a wallet that
 * already has a member): everything the guest earned and has not been minted moves to the member, in one ledger
 * transaction, so either all of it moves or nothing does.
 *
 * The rules, table by table:
 * - Stamps: one of each per member. A stamp both hold keeps the earlier `earnedAt` (with that earning's event and
 *   place); the guest's duplicate token, never minted, is cancelled (outbox `failed`, `merged: duplicate stamp`).
 *   A stamp only the guest holds moves with its outbox row (queued to the member's wallet when they have one).
 * - Points: added, except a one-time quest's reward both earned (the person finished it once: counted once).
 * - Prizes: every prize row of the guest that is not failed (held, in custody or on its way there) is re-pointed to
 *   the member; a plain hold is queued to the member's wallet when they have one; a hold for lack of identity
 *   (PRIZE_REQUIRES) is released when the member has that identity (see ../prizes/eligibility.ts), custody rows
 *   follow the member's wallet through the oracle's custody release. A prize the member could not have won twice is
 *   not doubled (else throwaway guests merged one by one into the same member would farm prizes): the guest's
 *   unminted prize is cancelled (`merged: duplicate prize`) when it rewards a one-time quest the member finished
 *   too, a game the member already won that day (else the win moves, re-keyed to the member, so they cannot win
 *   it again that day), or a drop the member also won (its place goes back to the drop).
 * - Quest progress, by the quest engine's rules (`mergeProgress`): per step the further counter (not the sum, so the
 *   same thing done twice, once as a guest, counts once), `returnDays` over the union of the days both were seen,
 *   done when either finished it, completions summed for repeatable quests (each one paid its points) and the
 *   larger for the others, the later completion time (cooldowns). A run the union fills is completed as the engine
 *   completes runs, with its rewards (stamps, points, prizes) going to the member now; `collectStamps` steps then
 *   settle through the engine itself over the merged passport.
 * - Events move (their ids are occurrence ids, unique ledger-wide, so moving keeps them unique); a `merged` event
 *   `merge:<guest id>` is added, which also refuses a second merge of the same guest.
 * - Game scores move; daily and all-time bests keep the better of both (the earlier one on a tie).
 * - Live events: visits, drop claims, bans and reports move; a poll both voted in keeps the member's vote (one
 *   vote per member; the guest's is dropped); a drop both claimed keeps the member's claim (the guest's stays on the
 *   shell, so the drop's claimed count still adds up, and its prize row moved anyway).
 * - Active days (analytics' member_days) move, a day both were active kept once; the rollups recount from the
 *   guest's first day (../analytics/member-days.ts `moveActiveDays`).
 * - The guest's browsers are signed out (device sessions and access tokens revoked, reason `merged`).
 * - The guest's avatar look moves when the member has none.
 * - The guest's member row stays as an anonymous shell named `Merged member` (no locale, no consent): outbox rows
 *   reference members without cascade, and the guest's failed rows (and any on-chain claim id they carry) keep
 *   pointing at it. An account_audit row (`merged`, ids only) records the merge.
 */

export interface MergeSummary {
  fromMemberId: string;
  intoMemberId: string;
  /** Stamps only the guest held, now the member's. */
  stampsMoved: number;
  /** Stamps both held: the earlier kept, the guest's token cancelled. */
  stampsDeduplicated: number;
  /** Points the guest had, added to the member's. */
  pointsAdded: number;
  /** The guest's prize rows (held, in custody or on their way there) now the member's. */
  prizesMoved: number;
  /** The guest's unminted prizes the member already had the one-per-member equivalent of: cancelled. */
  prizesCancelled: number;
  /** Holds for lack of identity released by the merge (the member has the identity PRIZE_REQUIRES asks for). */
  holdsReleased: number;
  /** Quests whose runs were merged (the guest had a run). */
  questsMerged: number;
  /** Quests the union of both runs completed, with their rewards. */
  questsCompleted: number;
  eventsMoved: number;
  gameScoresMoved: number;
  /** Daily and all-time bests of the guest that beat (or filled in) the member's. */
  bestsImproved: number;
  eventVisitsMoved: number;
  pollVotesMoved: number;
  /** The guest's votes in polls the member had voted in too (one vote per member). */
  pollVotesDropped: number;
  dropClaimsMoved: number;
  bansMoved: number;
  reportsMoved: number;
  /** The guest's active days (analytics), now the member's; a day both were active counts once. */
  activeDaysMoved: number;
  /** The guest's browsers signed out. */
  devicesRevoked: number;
}

/** Why a merge was refused (nothing changed); the route answers `mergeExpired`. */
export class MergeRefusal extends Error {
  constructor(
    readonly reason: 'sameMember' | 'memberNotFound' | 'notGuest' | 'alreadyMerged',
    message: string,
  ) {
    super(message);
    this.name = 'MergeRefusal';
  }
}

export interface MergeOptions {
  /** The merge's time (completions, revocations); default now. */
  now?: Date;
  /** PRIZE_REQUIRES for prizes the merge completes or releases; default `prizeRequirement()` (env, else lasting). */
  requires?: PrizeRequirement;
  /** The brand's custody address (AppContext.custodyAddress). */
  custody?: string | undefined;
  /** The published quests (`ctx.content.current().questContent`): a quest published in the console merges too. */
  content: QuestContent;
  /** The published prizes (`ctx.content.current().bundle.prizes`): custody is for transferable ones; omitted, the seed's. */
  prizes?: readonly Prize[];
}

/** The display name a merged guest's shell keeps. */
export const MERGED_MEMBER_NAME = 'Merged member';

/** Moves a guest's unminted progress into an existing member in one transaction (rules above). */
export async function mergeMember(
  db: Db,
  fromMemberId: string,
  intoMemberId: string,
  options: MergeOptions,
): Promise<MergeSummary> {
  if (fromMemberId === intoMemberId)
    throw new MergeRefusal('sameMember', 'a member cannot merge into itself');
  const now = options.now ?? new Date();
  const { content } = options;
  const requires = options.requires ?? prizeRequirement();
  return db.transaction(async (tx) => {
    // Both rows locked, in id order (two merges the other way round cannot deadlock); quest writers wait.
    const locked = (await tx.execute(
      sql`SELECT id FROM members WHERE id IN (${fromMemberId}, ${intoMemberId}) ORDER BY id FOR UPDATE`,
    )) as unknown as { rows: unknown[] };
    if (locked.rows.length !== 2)
      throw new MergeRefusal('memberNotFound', 'one of the members does not exist');
    const [from] = await tx.select().from(members).where(eq(members.id, fromMemberId));
    const [into] = await tx.select().from(members).where(eq(members.id, intoMemberId));
    if (!from || !into) throw new MergeRefusal('memberNotFound', 'one of the members does not exist');
    const [credential] = await tx
      .select({ id: memberCredentials.id })
      .from(memberCredentials)
      .where(eq(memberCredentials.memberId, fromMemberId))
      .limit(1);
    if (from.address || credential)
      throw new MergeRefusal('notGuest', 'only a guest (no wallet, no credential) is merged into a member');
    const marked = await tx
      .insert(events)
      .values({
        id: `merge:${fromMemberId}`,
        memberId: intoMemberId,
        kind: 'merged',
        payload: { fromMemberId },
        at: now,
      })
      .onConflictDoNothing({ target: events.id })
      .returning({ id: events.id });
    if (marked.length === 0) throw new MergeRefusal('alreadyMerged', 'this guest was already merged');

    const summary: MergeSummary = {
      fromMemberId,
      intoMemberId,
      stampsMoved: 0,
      stampsDeduplicated: 0,
      pointsAdded: 0,
      prizesMoved: 0,
      prizesCancelled: 0,
      holdsReleased: 0,
      questsMerged: 0,
      questsCompleted: 0,
      eventsMoved: 0,
      gameScoresMoved: 0,
      bestsImproved: 0,
      eventVisitsMoved: 0,
      pollVotesMoved: 0,
      pollVotesDropped: 0,
      dropClaimsMoved: 0,
      bansMoved: 0,
      reportsMoved: 0,
      activeDaysMoved: 0,
      devicesRevoked: 0,
    };

    // Quest progress, stamps and points, merged by the engine's rules.
    const [guestProgress, memberProgress] = [
      await loadProgress(tx, fromMemberId),
      await loadProgress(tx, intoMemberId),
    ];
    const merged = mergeProgress(memberProgress, guestProgress, now.getTime(), content);
    summary.pointsAdded = merged.progress.points - memberProgress.points - merged.rewardedPoints;
    summary.questsMerged = Object.keys(guestProgress.quests).length;
    summary.questsCompleted = merged.effects.filter((effect) => effect.type === 'QuestCompleted').length;

    const releaseTo = into.address
      ? { status: 'queued' as const, recipient: into.address }
      : { status: 'held' as const, recipient: null };
    const guestStamps = await tx.select().from(memberStamps).where(eq(memberStamps.memberId, fromMemberId));
    const memberStampRows = new Map(
      (await tx.select().from(memberStamps).where(eq(memberStamps.memberId, intoMemberId))).map((row) => [
        row.stampId,
        row,
      ]),
    );
    for (const stamp of guestStamps) {
      const mine = memberStampRows.get(stamp.stampId);
      const guestTokens = and(
        eq(outbox.memberId, fromMemberId),
        eq(outbox.kind, 'stamp'),
        eq(outbox.itemId, stamp.stampId),
        ne(outbox.status, 'failed'),
      );
      if (mine) {
        summary.stampsDeduplicated += 1;
        if (stamp.earnedAt < mine.earnedAt)
          await tx
            .update(memberStamps)
            .set({
              earnedAt: stamp.earnedAt,
              eventId: stamp.eventId,
              place: stamp.place,
              questId: stamp.questId,
            })
            .where(and(eq(memberStamps.memberId, intoMemberId), eq(memberStamps.stampId, stamp.stampId)));
        await tx
          .update(outbox)
          .set({ status: 'failed', lastError: 'merged: duplicate stamp', updatedAt: now })
          .where(and(guestTokens, eq(outbox.status, 'held')));
      } else {
        summary.stampsMoved += 1;
        await tx
          .update(memberStamps)
          .set({ memberId: intoMemberId })
          .where(and(eq(memberStamps.memberId, fromMemberId), eq(memberStamps.stampId, stamp.stampId)));
        await tx
          .update(outbox)
          .set({ memberId: intoMemberId, ...releaseTo, updatedAt: now })
          .where(and(guestTokens, eq(outbox.status, 'held')));
        await tx.update(outbox).set({ memberId: intoMemberId, updatedAt: now }).where(guestTokens);
      }
    }
    await tx.delete(memberStamps).where(eq(memberStamps.memberId, fromMemberId));

    // Prizes the member cannot hold twice: cancelled while unminted, or (a game win) re-keyed to the member.
    const unminted = (await tx
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.memberId, fromMemberId),
          eq(outbox.kind, 'prize'),
          inArray(outbox.status, ['held', 'queued']),
          sql`${outbox.attemptId} IS NULL`,
        ),
      )) as (typeof outbox.$inferSelect)[];
    const cancel = async (row: typeof outbox.$inferSelect) => {
      await tx
        .update(outbox)
        .set({ status: 'failed', lastError: 'merged: duplicate prize', updatedAt: now })
        .where(eq(outbox.id, row.id));
      summary.prizesCancelled += 1;
    };
    for (const row of unminted) {
      const quest = content.quests.find((candidate) => candidate.id === row.source);
      const win = new RegExp(`^(.+):winner:(\\d{4}-\\d{2}-\\d{2}):${fromMemberId}$`).exec(row.eventId);
      const drop = new RegExp(`^drop:(\\d+):${fromMemberId}$`).exec(row.eventId);
      if (quest && !quest.repeatable && (memberProgress.quests[quest.id]?.completions ?? 0) > 0) {
        await cancel(row);
      } else if (win) {
        const memberWin = `${win[1]}:winner:${win[2]}:${intoMemberId}`;
        const [already] = await tx.select({ id: events.id }).from(events).where(eq(events.id, memberWin));
        if (already) await cancel(row);
        else {
          await tx.update(events).set({ id: memberWin }).where(eq(events.id, row.eventId));
          await tx.update(outbox).set({ eventId: memberWin }).where(eq(outbox.id, row.id));
        }
      } else if (drop) {
        const dropId = Number(drop[1]);
        const [memberClaim] = await tx
          .select({ won: dropClaims.won })
          .from(dropClaims)
          .where(and(eq(dropClaims.dropId, dropId), eq(dropClaims.memberId, intoMemberId)));
        if (memberClaim?.won) {
          await cancel(row);
          await tx
            .update(dropClaims)
            .set({ won: false })
            .where(and(eq(dropClaims.dropId, dropId), eq(dropClaims.memberId, fromMemberId)));
          await tx
            .update(eventDrops)
            .set({ claimed: sql`GREATEST(${eventDrops.claimed} - 1, 0)` })
            .where(eq(eventDrops.id, dropId));
        }
      }
    }

    // Prizes: plain holds follow the member's wallet; custody rows keep their custody (the oracle transfers them
    // once the member has a wallet); identity holds are settled below.
    const plainHeld = await tx
      .update(outbox)
      .set({ memberId: intoMemberId, ...releaseTo, updatedAt: now })
      .where(
        and(
          eq(outbox.memberId, fromMemberId),
          eq(outbox.kind, 'prize'),
          eq(outbox.status, 'held'),
          sql`${outbox.holdExpiresAt} IS NULL`,
        ),
      )
      .returning({ id: outbox.id });
    const otherPrizes = await tx
      .update(outbox)
      .set({ memberId: intoMemberId, updatedAt: now })
      .where(and(eq(outbox.memberId, fromMemberId), eq(outbox.kind, 'prize'), ne(outbox.status, 'failed')))
      .returning({ id: outbox.id });
    summary.prizesMoved = plainHeld.length + otherPrizes.length;

    for (const [questId, state] of Object.entries(merged.progress.quests)) {
      if (JSON.stringify(state) === JSON.stringify(memberProgress.quests[questId])) continue;
      await tx
        .insert(questProgress)
        .values({ memberId: intoMemberId, questId, state, updatedAt: now })
        .onConflictDoUpdate({
          target: [questProgress.memberId, questProgress.questId],
          set: { state, updatedAt: now },
        });
    }
    await tx.delete(questProgress).where(eq(questProgress.memberId, fromMemberId));
    // What the union of both runs completed: rewarded as the engine's effects are recorded.
    for (const effect of merged.effects) {
      if (effect.type === 'StampEarned') {
        const granted = await tx
          .insert(memberStamps)
          .values({
            memberId: intoMemberId,
            stampId: effect.stampId,
            questId: effect.questId,
            earnedAt: now,
            eventId: `merge:${fromMemberId}`,
            place: '',
          })
          .onConflictDoNothing()
          .returning({ stampId: memberStamps.stampId });
        if (granted.length > 0)
          await queueAward(tx, {
            kind: 'stamp',
            memberId: intoMemberId,
            itemId: effect.stampId,
            eventId: `merge:${fromMemberId}`,
            source: effect.questId,
            at: now,
            custody: options.custody,
            prizes: options.prizes,
          });
      } else if (effect.type === 'PrizeWon') {
        await queueAward(tx, {
          kind: 'prize',
          memberId: intoMemberId,
          itemId: effect.prizeId,
          eventId: `merge:${fromMemberId}`,
          source: effect.questId,
          at: now,
          custody: options.custody,
          requires,
          prizes: options.prizes,
        });
      }
    }
    await mergePoints(tx, { fromMemberId, intoMemberId, guestProgress, memberProgress, merged, now });
    await movePointsRecords(tx, fromMemberId, intoMemberId, now);
    await movePerks(tx, fromMemberId, intoMemberId);

    summary.holdsReleased = (
      await releaseHoldsIn(tx, intoMemberId, {
        requires,
        custody: options.custody,
        now,
        prizes: options.prizes,
      })
    ).length;

    summary.eventsMoved = (
      await tx
        .update(events)
        .set({ memberId: intoMemberId })
        .where(eq(events.memberId, fromMemberId))
        .returning({ id: events.id })
    ).length;

    // Games: every round moves; bests keep the better score (the earlier on a tie).
    summary.gameScoresMoved = (
      await tx
        .update(gameScores)
        .set({ memberId: intoMemberId })
        .where(eq(gameScores.memberId, fromMemberId))
        .returning({ eventId: gameScores.eventId })
    ).length;
    for (const best of await tx
      .select()
      .from(gameDailyBest)
      .where(eq(gameDailyBest.memberId, fromMemberId))) {
      const improved = await tx
        .insert(gameDailyBest)
        .values({ ...best, memberId: intoMemberId })
        .onConflictDoUpdate({
          target: [gameDailyBest.gameId, gameDailyBest.day, gameDailyBest.memberId],
          set: { score: best.score, at: best.at },
          setWhere: sql`${gameDailyBest.score} < ${best.score} OR (${gameDailyBest.score} = ${best.score} AND ${gameDailyBest.at} > ${best.at})`,
        })
        .returning({ score: gameDailyBest.score });
      summary.bestsImproved += improved.length;
    }
    await tx.delete(gameDailyBest).where(eq(gameDailyBest.memberId, fromMemberId));
    for (const best of await tx.select().from(gameBest).where(eq(gameBest.memberId, fromMemberId))) {
      const improved = await tx
        .insert(gameBest)
        .values({ ...best, memberId: intoMemberId })
        .onConflictDoUpdate({
          target: [gameBest.gameId, gameBest.memberId],
          set: { score: best.score, at: best.at },
          setWhere: sql`${gameBest.score} < ${best.score} OR (${gameBest.score} = ${best.score} AND ${gameBest.at} > ${best.at})`,
        })
        .returning({ score: gameBest.score });
      summary.bestsImproved += improved.length;
    }
    await tx.delete(gameBest).where(eq(gameBest.memberId, fromMemberId));

    // Live events: what has no unique key per member moves; one vote / one claim / one ban per member stands.
    summary.eventVisitsMoved = (
      await tx
        .update(eventVisits)
        .set({ memberId: intoMemberId })
        .where(eq(eventVisits.memberId, fromMemberId))
        .returning({ id: eventVisits.id })
    ).length;
    const memberPolls = tx
      .select({ pollId: pollVotes.pollId })
      .from(pollVotes)
      .where(eq(pollVotes.memberId, intoMemberId));
    summary.pollVotesMoved = (
      await tx
        .update(pollVotes)
        .set({ memberId: intoMemberId })
        .where(and(eq(pollVotes.memberId, fromMemberId), notInArray(pollVotes.pollId, memberPolls)))
        .returning({ pollId: pollVotes.pollId })
    ).length;
    summary.pollVotesDropped = (
      await tx
        .delete(pollVotes)
        .where(eq(pollVotes.memberId, fromMemberId))
        .returning({ pollId: pollVotes.pollId })
    ).length;
    const memberDrops = tx
      .select({ dropId: dropClaims.dropId })
      .from(dropClaims)
      .where(eq(dropClaims.memberId, intoMemberId));
    summary.dropClaimsMoved = (
      await tx
        .update(dropClaims)
        .set({ memberId: intoMemberId })
        .where(and(eq(dropClaims.memberId, fromMemberId), notInArray(dropClaims.dropId, memberDrops)))
        .returning({ dropId: dropClaims.dropId })
    ).length;
    const memberBans = tx
      .select({ scopeKey: eventBans.scopeKey })
      .from(eventBans)
      .where(eq(eventBans.memberId, intoMemberId));
    summary.bansMoved = (
      await tx
        .update(eventBans)
        .set({ memberId: intoMemberId })
        .where(and(eq(eventBans.memberId, fromMemberId), notInArray(eventBans.scopeKey, memberBans)))
        .returning({ scopeKey: eventBans.scopeKey })
    ).length;
    summary.reportsMoved = (
      await tx
        .update(eventReports)
        .set({ reporterId: intoMemberId })
        .where(eq(eventReports.reporterId, fromMemberId))
        .returning({ id: eventReports.id })
    ).length;
    // Reports about the guest now concern the member (the same person), so moderators see them.
    await tx
      .update(eventReports)
      .set({ memberId: intoMemberId })
      .where(eq(eventReports.memberId, fromMemberId));

    // Analytics: daily actives and retention count the person once, from their first day as either.
    summary.activeDaysMoved = await moveActiveDays(tx, fromMemberId, intoMemberId);

    // The guest's browsers are signed out; the row stays as an anonymous shell.
    const live = await tx
      .select({ id: deviceSessions.id })
      .from(deviceSessions)
      .where(and(eq(deviceSessions.memberId, fromMemberId), sql`${deviceSessions.revokedAt} IS NULL`));
    summary.devicesRevoked = live.length;
    await revokeMemberDevices(tx, fromMemberId, 'merged', now);
    // The avatar the guest chose stays theirs when the member never chose one.
    if (from.look !== null && into.look === null)
      await tx.update(members).set({ look: from.look }).where(eq(members.id, intoMemberId));
    await tx
      .update(members)
      .set({ displayName: MERGED_MEMBER_NAME, locale: null, marketingConsentAt: null, look: null })
      .where(eq(members.id, fromMemberId));
    await tx.insert(accountAudit).values({
      at: now,
      actorMemberId: fromMemberId,
      action: 'merged',
      memberId: intoMemberId,
      detail: { fromMemberId, intoMemberId },
    });
    return summary;
  });
}

/** Whether a run's every step reached its count. */
function full(quest: Quest, run: QuestProgress): boolean {
  return quest.steps.every((step, index) => (run.steps[index] ?? 0) >= step.count);
}

/**
 * One quest's runs of the same person, merged (rules in the file's comment): the further counter per step,
 * the union of days, done when either is done, completions summed (repeatable) or the larger, the later completion.
 */
export function mergeRuns(
  quest: Quest | undefined,
  member: QuestProgress | undefined,
  guest: QuestProgress | undefined,
): QuestProgress | undefined {
  if (!member || !guest) return structuredClone(member ?? guest);
  if (!quest) return structuredClone(member);
  const days = [...new Set([...member.days, ...guest.days])].sort();
  const steps = quest.steps.map((step: QuestStep, index) => {
    const further = Math.max(member.steps[index] ?? 0, guest.steps[index] ?? 0);
    return Math.min(step.count, step.kind === 'returnDays' ? Math.max(further, days.length) : further);
  });
  const completedAt =
    member.completedAt === null || guest.completedAt === null
      ? (member.completedAt ?? guest.completedAt)
      : Math.max(member.completedAt, guest.completedAt);
  return {
    steps,
    days,
    done: member.done || guest.done,
    completions: quest.repeatable
      ? member.completions + guest.completions
      : Math.max(member.completions, guest.completions),
    completedAt,
  };
}

/** An event no quest step counts: run through the engine only to settle `collectStamps` steps. */
const SETTLE: Parameters<typeof reduceQuests>[1] = { id: 'merge:settle', kind: 'nftHeld', contract: '' };

/**
 * A member's and a guest's progress merged by the engine's rules: stamps (the earlier time), points (added),
 * runs (`mergeRuns`); a run the union fills completes now as the engine completes runs (stamps, points and
 * prize effects); then the engine settles `collectStamps` over the merged passport. Pure.
 */
export function mergeProgress(
  member: MemberProgress,
  guest: MemberProgress,
  now: number,
  content: QuestContent,
): { progress: MemberProgress; effects: QuestEffect[]; rewardedPoints: number } {
  const stamps: Record<string, number> = { ...member.stamps };
  for (const [stampId, at] of Object.entries(guest.stamps))
    stamps[stampId] = Math.min(at, stamps[stampId] ?? Number.POSITIVE_INFINITY);
  const quests: Record<string, QuestProgress> = {};
  const quest = (id: string) => content.quests.find((candidate) => candidate.id === id);
  for (const id of new Set([...Object.keys(member.quests), ...Object.keys(guest.quests)])) {
    const run = mergeRuns(quest(id), member.quests[id], guest.quests[id]);
    if (run) quests[id] = run;
  }
  // A one-time quest both finished was finished once by this person: its points count once.
  const twice = content.quests.filter(
    (candidate) =>
      !candidate.repeatable &&
      (member.quests[candidate.id]?.completions ?? 0) > 0 &&
      (guest.quests[candidate.id]?.completions ?? 0) > 0,
  );
  const duplicatePoints = twice.reduce((sum, candidate) => sum + candidate.rewards.points, 0);
  const points = Math.max(member.points, member.points + guest.points - duplicatePoints);
  const progress: MemberProgress = { quests, stamps, points };
  const effects: QuestEffect[] = [];
  for (const candidate of content.quests) {
    const run = progress.quests[candidate.id];
    if (!run || run.done || !full(candidate, run)) continue;
    if (!inWindow(candidate, now) || !prerequisitesMet(candidate, progress)) continue;
    run.done = true;
    run.completions += 1;
    run.completedAt = now;
    effects.push({ type: 'QuestCompleted', questId: candidate.id, completions: run.completions });
    for (const stampId of candidate.rewards.stamps) {
      if (progress.stamps[stampId] !== undefined) continue;
      progress.stamps[stampId] = now;
      effects.push({ type: 'StampEarned', questId: candidate.id, stampId });
    }
    if (candidate.rewards.points > 0) {
      progress.points += candidate.rewards.points;
      effects.push({ type: 'PointsAdded', questId: candidate.id, points: candidate.rewards.points });
    }
    for (const prizeId of candidate.rewards.prizes)
      effects.push({ type: 'PrizeWon', questId: candidate.id, prizeId });
  }
  const settled = reduceQuests(progress, SETTLE, now, content);
  const allEffects = [...effects, ...settled.effects.filter((effect) => effect.type !== 'StepAdvanced')];
  return {
    progress: settled.progress,
    effects: allEffects,
    rewardedPoints: allEffects.reduce(
      (sum, effect) => sum + (effect.type === 'PointsAdded' ? effect.points : 0),
      0,
    ),
  };
}

/**
 * The guest's balance moves to the member (`merge:<from>:<to>`); a one-time quest both finished goes back to the
 * brand (`merge:<from>:<to>:duplicate`); quests the union completes are paid as quest points
 * (`quest:merge:<from>:<questId>`). The member ends at `merged.progress.points` and the guest at 0.
 */
async function mergePoints(
  tx: Db,
  input: {
    fromMemberId: string;
    intoMemberId: string;
    guestProgress: MemberProgress;
    memberProgress: MemberProgress;
    merged: ReturnType<typeof mergeProgress>;
    now: Date;
  },
): Promise<void> {
  const { fromMemberId, intoMemberId, now } = input;
  const guest = input.guestProgress.points;
  const into = memberAccount(intoMemberId);
  if (guest !== 0)
    await postMovement(tx, {
      key: `merge:${fromMemberId}:${intoMemberId}`,
      kind: 'merge',
      reason: { code: 'merge' },
      at: now,
      source: 'merge',
      entries: [
        { account: memberAccount(fromMemberId), amount: -guest },
        { account: into, amount: guest },
      ],
    });
  const withoutDuplicates = input.merged.progress.points - input.merged.rewardedPoints;
  const duplicate = input.memberProgress.points + guest - withoutDuplicates;
  if (duplicate !== 0)
    await postMovement(tx, {
      key: `merge:${fromMemberId}:${intoMemberId}:duplicate`,
      kind: 'merge',
      reason: { code: 'merge' },
      at: now,
      source: 'merge',
      entries: [
        { account: into, amount: -duplicate },
        { account: BRAND_ACCOUNT, amount: duplicate },
      ],
    });
  await postQuestPoints(tx, intoMemberId, `merge:${fromMemberId}`, input.merged.effects, now);
}

/**
 * What hangs on the guest's points follows them: their purchases (perk codes, a failed prize's refund) and partner
 * activities (a later reversal debits the member, who holds those points now). The guest's member number goes to
 * the member when the member has none yet, else it is dropped (a partner using it then waits unmatched); the
 * guest's expiry notices go (the member's own come from the next expiry run).
 */
async function movePointsRecords(
  tx: Db,
  fromMemberId: string,
  intoMemberId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(cataloguePurchases)
    .set({ memberId: intoMemberId, updatedAt: now })
    .where(eq(cataloguePurchases.memberId, fromMemberId));
  await tx
    .update(partnerActivities)
    .set({ memberId: intoMemberId })
    .where(eq(partnerActivities.memberId, fromMemberId));
  const [own] = await tx
    .select({ number: memberNumbers.number })
    .from(memberNumbers)
    .where(eq(memberNumbers.memberId, intoMemberId));
  if (own) await tx.delete(memberNumbers).where(eq(memberNumbers.memberId, fromMemberId));
  else
    await tx
      .update(memberNumbers)
      .set({ memberId: intoMemberId })
      .where(eq(memberNumbers.memberId, fromMemberId));
  await tx.delete(pointsNotices).where(eq(pointsNotices.memberId, fromMemberId));
}
