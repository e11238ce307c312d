// The set-based write of a batch of partner activities, in the caller's transaction (see intake-batch.ts).
import { randomBytes } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { type EarningRule, earningRules } from '../../shared/content/earning-rules.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { Db } from '../db/open.ts';
import { memberNumbers, partnerActivities, pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { memberCredentials, memberStamps, members } from '../db/schema.ts';
import { evaluateEarning, partnerRuleFor } from '../domain/points/earning.ts';
import { statusFor } from '../domain/quests/snapshot.ts';
import { checkMovement, memberAccount } from '../points/ledger.ts';
import { lowestLevelId } from '../points/member-status.ts';
import { activityState, partnerAccount } from './credit.ts';
import { type IntakeOutcome, type IntakeRequest, intakeInTx, UNMATCHED_TTL_MS } from './intake.ts';
import type { PartnerRecord } from './registry.ts';

/** One activity of a batch: who sent it and what. */
export interface BatchItem {
  partner: PartnerRecord;
  request: IntakeRequest;
}

/** Why a request can take the set-based path: its rule has no daily cap, and it names a member by number or email. */
function fastRule(item: BatchItem): EarningRule | undefined {
  const rule = partnerRuleFor(earningRules, item.partner.id, item.request.body.type);
  const { member } = item.request.body;
  return rule && rule.dailyCap === undefined && !('externalId' in member) ? rule : undefined;
}

/** Member ids by number and by email, in two statements at most. */
async function matchMembers(tx: Db, items: readonly BatchItem[]): Promise<(string | undefined)[]> {
  const numbers = items.flatMap(({ request }) =>
    'memberNumber' in request.body.member ? [request.body.member.memberNumber] : [],
  );
  const emails = items.flatMap(({ request }) =>
    'email' in request.body.member ? [request.body.member.email] : [],
  );
  const byNumber = new Map<string, string>();
  const byEmail = new Map<string, string>();
  if (numbers.length > 0)
    for (const row of await tx.select().from(memberNumbers).where(inArray(memberNumbers.number, numbers)))
      byNumber.set(row.number, row.memberId);
  if (emails.length > 0)
    for (const row of await tx
      .select({ subject: memberCredentials.subject, memberId: memberCredentials.memberId })
      .from(memberCredentials)
      .where(and(eq(memberCredentials.kind, 'email'), inArray(memberCredentials.subject, emails))))
      if (!byEmail.has(row.subject)) byEmail.set(row.subject, row.memberId);
  return items.map(({ request }) => {
    const ref = request.body.member;
    return 'memberNumber' in ref
      ? byNumber.get(ref.memberNumber)
      : 'email' in ref
        ? byEmail.get(ref.email)
        : undefined;
  });
}

/** Locks the members (in id order, so two batches never deadlock) and reads each one's level id over `levels`. */
async function lockAndStatus(
  tx: Db,
  memberIds: readonly string[],
  levels: readonly StatusLevel[],
): Promise<Map<string, string>> {
  const status = new Map<string, string>();
  if (memberIds.length === 0) return status;
  await tx
    .select({ id: members.id })
    .from(members)
    .where(inArray(members.id, memberIds))
    .orderBy(members.id)
    .for('update');
  const stamps = new Map<string, number>();
  for (const row of await tx
    .select({ memberId: memberStamps.memberId, n: count() })
    .from(memberStamps)
    .where(inArray(memberStamps.memberId, memberIds))
    .groupBy(memberStamps.memberId))
    stamps.set(row.memberId, row.n);
  for (const id of memberIds) status.set(id, statusFor(stamps.get(id) ?? 0, levels).level);
  return status;
}

/** What the rule gives one activity (as `earningFor` computes it, with the status read for the whole batch). */
function earning(rule: EarningRule, item: BatchItem, statusId: string) {
  const { partner, request } = item;
  const [earned] = evaluateEarning([rule], {
    event: {
      kind: 'partnerActivity',
      partnerId: partner.id,
      activityType: request.body.type,
      units: request.body.units,
      partnerName: partner.name,
      description: request.body.description,
    },
    statusId,
    earnedToday: {},
  });
  return {
    points: earned?.points ?? 0,
    reason: earned?.reason ?? {
      code: 'partner',
      params: { partner: partner.name, description: request.body.description, rule: rule.id },
    },
  };
}

/**
 * Takes a batch in inside the caller's transaction, answering for each item what `intakeInTx` would: activities
 * whose rule has no daily cap and whose member is named by number or email go in a few set-based statements
 * (match, lock, status, insert activities, insert movements and entries); the rest, and replays or conflicts of
 * the same (partner, key), go through `intakeInTx` one by one, in the same transaction.
 */
export async function intakeBatchInTx(
  tx: Db,
  items: readonly BatchItem[],
  now: Date,
  levels: readonly StatusLevel[],
): Promise<IntakeOutcome[]> {
  const outcomes: (IntakeOutcome | undefined)[] = items.map(() => undefined);
  const fast = items.flatMap((item, index) => {
    const rule = fastRule(item);
    return rule ? [{ item, index, rule }] : [];
  });
  const matched = await matchMembers(
    tx,
    fast.map(({ item }) => item),
  );
  const status = await lockAndStatus(
    tx,
    [...new Set(matched.filter((id): id is string => id !== undefined))],
    levels,
  );
  const lowest = lowestLevelId(levels);
  const planned = fast.map(({ item, index, rule }, i) => {
    const memberId = matched[i];
    const { points, reason } = earning(rule, item, memberId ? (status.get(memberId) ?? lowest) : lowest);
    const { body } = item.request;
    const row = {
      id: `pa_${randomBytes(12).toString('base64url')}`,
      partnerId: item.partner.id,
      idempotencyKey: item.request.idempotencyKey,
      bodyHash: item.request.bodyHash,
      type: body.type,
      memberRef: body.member as Record<string, string>,
      memberId: memberId ?? null,
      points,
      status: memberId ? ('credited' as const) : ('unmatched' as const),
      description: body.description,
      payload: { units: body.units, ...(body.reference !== undefined ? { reference: body.reference } : {}) },
      occurredAt: new Date(body.occurredAt),
      receivedAt: now,
      matchedAt: memberId ? now : null,
      expiresAt: memberId ? null : new Date(now.getTime() + UNMATCHED_TTL_MS),
    };
    return { item, index, memberId, points, reason, row };
  });
  const inserted =
    planned.length === 0
      ? []
      : await tx
          .insert(partnerActivities)
          .values(planned.map(({ row }) => row))
          .onConflictDoNothing({ target: [partnerActivities.partnerId, partnerActivities.idempotencyKey] })
          .returning();
  const insertedById = new Map(inserted.map((row) => [row.id, row]));
  const credits = planned.flatMap((plan) => {
    const row = insertedById.get(plan.row.id);
    if (!row) return [];
    outcomes[plan.index] = { kind: 'created', state: activityState(row), memberId: plan.memberId };
    return plan.memberId && plan.points > 0 ? [{ ...plan, memberId: plan.memberId, row }] : [];
  });
  await postCredits(tx, credits);
  // Everything else (no rule, a daily cap, a brand login id, a key already there): the one-by-one path.
  for (const [index, item] of items.entries())
    outcomes[index] ??= await intakeInTx(tx, item.partner, item.request, now, levels);
  return outcomes as IntakeOutcome[];
}

/** The credits' movements (`partner:<activityId>`, member +points, partner -points) in two statements. */
async function postCredits(
  tx: Db,
  credits: readonly {
    memberId: string;
    points: number;
    reason: { code: string; params: Record<string, string | number> };
    item: BatchItem;
    row: { id: string; type: string; receivedAt: Date };
  }[],
): Promise<void> {
  if (credits.length === 0) return;
  const movements = credits.map(({ memberId, points, reason, item, row }) => {
    const key = `partner:${row.id}`;
    const entries = [
      { account: memberAccount(memberId), amount: points },
      { account: partnerAccount(item.partner.id), amount: -points },
    ];
    checkMovement(key, entries);
    return { key, entries, reason, partnerId: item.partner.id, source: row.type, at: row.receivedAt };
  });
  const posted = await tx
    .insert(pointsMovements)
    .values(
      movements.map(({ key, reason, partnerId, source, at }) => ({
        key,
        kind: 'partner' as const,
        reason,
        at,
        partnerId,
        source,
      })),
    )
    .returning({ id: pointsMovements.id, key: pointsMovements.key });
  const idByKey = new Map(posted.map((row) => [row.key, row.id]));
  await tx.insert(pointsEntries).values(
    movements.flatMap(({ key, entries, at }) =>
      entries.map((entry) => ({
        movementId: idByKey.get(key) ?? Number.NaN,
        accountKind: entry.account.kind,
        accountId: entry.account.id,
        amount: entry.amount,
        at,
      })),
    ),
  );
}
