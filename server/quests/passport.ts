import { asc, eq } from 'drizzle-orm';
import type { QuestContent } from '../../shared/content/quest-schema.ts';
import type { PrizeView, QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { PRIZE_NOT_ON_CHAIN } from '../chain/oracle/calls.ts';
import type { Db } from '../db/open.ts';
import { memberPasses } from '../db/passes-schema.ts';
import { perks as perkRows, perkShipping } from '../db/perks-schema.ts';
import { cataloguePurchases, partnerActivities } from '../db/points-schema.ts';
import { relayedActions } from '../db/relay-schema.ts';
import {
  deviceSessions,
  events,
  memberCredentials,
  memberStamps,
  members,
  outbox,
  questProgress,
} from '../db/schema.ts';
import { buildSnapshot } from '../domain/quests/snapshot.ts';
import { memberPerks } from '../perks/member-perks.ts';
import { memberHistory } from '../points/ledger.ts';
import { qualifyingPoints } from '../points/member-status.ts';
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
    ...(row.status === 'held' && row.holdExpiresAt ? { keepAccountBy: row.holdExpiresAt.getTime() } : {}),
    ...(row.status === 'queued' && row.lastError === PRIZE_NOT_ON_CHAIN ? { waitingForBrand: true } : {}),
  };
}

/** A member's journeys, passport (with each stamp's on-chain state), prizes and status, read from the ledger. */
export async function loadQuestsSnapshot(
  db: Db,
  memberId: string,
  now: number,
  content: QuestContent,
): Promise<QuestsSnapshot> {
  const [progress, stamps, rows, prefix, qualifying] = await Promise.all([
    loadProgress(db, memberId, content),
    db
      .select()
      .from(memberStamps)
      .where(eq(memberStamps.memberId, memberId))
      .orderBy(asc(memberStamps.earnedAt)),
    db.select().from(outbox).where(eq(outbox.memberId, memberId)).orderBy(asc(outbox.id)),
    claimPrefix(db),
    qualifyingPoints(db, memberId, { now }),
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
  return buildSnapshot(progress, passport, prizes, now, content, qualifying);
}

/** How many passport stamps a member holds (their status comes from it). */
export async function countStamps(db: Db, memberId: string): Promise<number> {
  const rows = await db
    .select({ stampId: memberStamps.stampId })
    .from(memberStamps)
    .where(eq(memberStamps.memberId, memberId));
  return rows.length;
}

/** Everything the ledger holds about a member's quests and account, for a data export. */
export async function exportQuestRecord(db: Db, memberId: string) {
  const [memberEvents, progress, stamps, queued, points, account, pointsHistory, purchases, activities] =
    await Promise.all([
      db.select().from(events).where(eq(events.memberId, memberId)).orderBy(asc(events.at)),
      db.select().from(questProgress).where(eq(questProgress.memberId, memberId)),
      db.select().from(memberStamps).where(eq(memberStamps.memberId, memberId)),
      db.select().from(outbox).where(eq(outbox.memberId, memberId)).orderBy(asc(outbox.id)),
      loadProgress(db, memberId).then((loaded) => loaded.points),
      exportAccount(db, memberId),
      wholePointsHistory(db, memberId),
      db.select().from(cataloguePurchases).where(eq(cataloguePurchases.memberId, memberId)),
      db
        .select({
          id: partnerActivities.id,
          partnerId: partnerActivities.partnerId,
          type: partnerActivities.type,
          points: partnerActivities.points,
          status: partnerActivities.status,
          description: partnerActivities.description,
          occurredAt: partnerActivities.occurredAt,
          receivedAt: partnerActivities.receivedAt,
          reversedAt: partnerActivities.reversedAt,
        })
        .from(partnerActivities)
        .where(eq(partnerActivities.memberId, memberId)),
    ]);
  const [perks, shipping, relayed, passes] = await Promise.all([
    memberPerks(db, memberId, new Date()),
    db
      .select({
        perkId: perkShipping.perkId,
        name: perkShipping.name,
        addressLines: perkShipping.addressLines,
        city: perkShipping.city,
        postcode: perkShipping.postcode,
        country: perkShipping.country,
        submittedAt: perkShipping.submittedAt,
      })
      .from(perkShipping)
      .innerJoin(perkRows, eq(perkRows.id, perkShipping.perkId))
      .where(eq(perkRows.memberId, memberId)),
    db
      .select({
        id: relayedActions.id,
        kind: relayedActions.kind,
        place: relayedActions.place,
        prizeId: relayedActions.prizeId,
        amount: relayedActions.amount,
        fromAddress: relayedActions.fromAddress,
        toAddress: relayedActions.toAddress,
        status: relayedActions.status,
        txHash: relayedActions.txHash,
        createdAt: relayedActions.createdAt,
      })
      .from(relayedActions)
      .where(eq(relayedActions.memberId, memberId))
      .orderBy(asc(relayedActions.id)),
    db.select().from(memberPasses).where(eq(memberPasses.memberId, memberId)),
  ]);
  return {
    events: memberEvents,
    progress,
    stamps,
    points,
    pointsHistory,
    purchases,
    partnerActivities: activities,
    perks,
    shipping,
    relayedActions: relayed,
    passes,
    outbox: queued,
    account,
  };
}

/** Every line of the member's points history, oldest page last, for their data export. */
async function wholePointsHistory(db: Db, memberId: string) {
  const lines: Awaited<ReturnType<typeof memberHistory>> = [];
  for (let beforeId: number | undefined; ; ) {
    const page = await memberHistory(db, memberId, { limit: 500, beforeId });
    lines.push(...page);
    const last = page.at(-1);
    if (page.length < 500 || !last) return lines;
    beforeId = last.id;
  }
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * A member's sign-in data as the export shows it: each credential's kind, label (a masked email, the passkey's
 * device, the brand's name), creation and last use - never a passkey's public key or a credential's subject (the
 * email itself, or the issuer's subject); browsers signed in (what, when, ended why) - never a refresh or token
 * hash; the marketing consent time; and the brand's member numbers (external ids).
 */
export async function exportAccount(db: Db, memberId: string) {
  const [[member], credentials, devices] = await Promise.all([
    db
      .select({ marketingConsentAt: members.marketingConsentAt })
      .from(members)
      .where(eq(members.id, memberId)),
    db
      .select()
      .from(memberCredentials)
      .where(eq(memberCredentials.memberId, memberId))
      .orderBy(asc(memberCredentials.createdAt)),
    db
      .select()
      .from(deviceSessions)
      .where(eq(deviceSessions.memberId, memberId))
      .orderBy(asc(deviceSessions.createdAt)),
  ]);
  return {
    marketingConsentAt: iso(member?.marketingConsentAt ?? null),
    credentials: credentials.map((credential) => ({
      kind: credential.kind,
      label: credential.label,
      createdAt: iso(credential.createdAt),
      lastUsedAt: iso(credential.lastUsedAt),
    })),
    devices: devices.map((device) => ({
      kind: device.kind,
      userAgent: device.userAgent,
      createdAt: iso(device.createdAt),
      lastSeenAt: iso(device.lastSeenAt),
      revokedAt: iso(device.revokedAt),
      revokeReason: device.revokeReason,
    })),
    externalIds: credentials.flatMap((credential) =>
      credential.externalId
        ? [{ kind: credential.kind, label: credential.label, externalId: credential.externalId }]
        : [],
    ),
  };
}
