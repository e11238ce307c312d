import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { earningRules } from '../../shared/content/earning-rules.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { PartnerActivityBody, PartnerActivityState } from '../../shared/protocol/partners.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { partnerActivities } from '../db/points-schema.ts';
import { partnerRuleFor } from '../domain/points/earning.ts';
import { lockMember } from '../points/ledger.ts';
import { notifyPointsChanged } from '../points/notify.ts';
import { activityState, creditActivity } from './credit.ts';
import { earningFor, findMemberByRef } from './members.ts';
import type { PartnerRecord } from './registry.ts';

/** An activity not matched to a member yet is kept this long, then dropped with its personal data. */
export const UNMATCHED_TTL_MS = 90 * 86_400_000;

/** One checked POST /activities call: the parsed body and what identifies it (key, hash of the raw bytes). */
export interface IntakeRequest {
  idempotencyKey: string;
  /** SHA-256 (hex) of the raw body: the same key with other bytes is a conflict. */
  bodyHash: string;
  body: PartnerActivityBody;
}

/** What taking one activity in did. `memberId`: whose points moved (tell them after the commit). */
export type IntakeOutcome =
  | { kind: 'created'; state: PartnerActivityState; memberId: string | undefined }
  | { kind: 'replayed'; state: PartnerActivityState }
  | { kind: 'conflict' }
  | { kind: 'noEarningRule' };

/** The stored activity of (partner, key): a replay when the body is the same, a conflict otherwise. */
async function existingOutcome(
  tx: Db,
  partnerId: string,
  request: IntakeRequest,
): Promise<IntakeOutcome | undefined> {
  const [row] = await tx
    .select()
    .from(partnerActivities)
    .where(
      and(
        eq(partnerActivities.partnerId, partnerId),
        eq(partnerActivities.idempotencyKey, request.idempotencyKey),
      ),
    );
  if (!row) return undefined;
  return row.bodyHash === request.bodyHash
    ? { kind: 'replayed', state: activityState(row) }
    : { kind: 'conflict' };
}

/**
 * Takes one activity in, inside the caller's transaction: match the member (locked, so one writer moves their
 * points at a time), insert the activity once per (partner, key) (the unique index decides a race: a loser reads
 * the winner's row and answers like a replay), credit it by the partner's earning rule, or keep it unmatched.
 */
export async function intakeInTx(
  tx: Db,
  partner: PartnerRecord,
  request: IntakeRequest,
  now: Date,
  levels: readonly StatusLevel[],
): Promise<IntakeOutcome> {
  const { body } = request;
  if (!partnerRuleFor(earningRules, partner.id, body.type))
    return (await existingOutcome(tx, partner.id, request)) ?? { kind: 'noEarningRule' };
  const found = await findMemberByRef(tx, body.member);
  // A member erased in the meantime is nobody: the activity waits like any other.
  const memberId = found && (await lockMember(tx, found)) ? found : undefined;
  const earning = await earningFor(tx, {
    partner,
    type: body.type,
    units: body.units,
    description: body.description,
    memberId,
    at: now,
    levels,
  });
  if (!earning) return { kind: 'noEarningRule' };
  const [row] = await tx
    .insert(partnerActivities)
    .values({
      id: `pa_${randomBytes(12).toString('base64url')}`,
      partnerId: partner.id,
      idempotencyKey: request.idempotencyKey,
      bodyHash: request.bodyHash,
      type: body.type,
      memberRef: body.member as Record<string, string>,
      memberId: memberId ?? null,
      points: earning.points,
      status: memberId ? 'credited' : 'unmatched',
      description: body.description,
      payload: { units: body.units, ...(body.reference !== undefined ? { reference: body.reference } : {}) },
      occurredAt: new Date(body.occurredAt),
      receivedAt: now,
      matchedAt: memberId ? now : null,
      expiresAt: memberId ? null : new Date(now.getTime() + UNMATCHED_TTL_MS),
    })
    .onConflictDoNothing({ target: [partnerActivities.partnerId, partnerActivities.idempotencyKey] })
    .returning();
  if (!row) {
    const existing = await existingOutcome(tx, partner.id, request);
    if (!existing) throw new Error('Layover: a partner activity conflicted but is not there');
    return existing;
  }
  if (memberId)
    await creditActivity(tx, { activity: row, partner, points: earning.points, reason: earning.reason });
  return { kind: 'created', state: activityState(row), memberId };
}

/** The baseline intake: one transaction per activity, then the member told so their passport moves at once. */
export async function receiveActivity(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
  partner: PartnerRecord,
  request: IntakeRequest,
): Promise<IntakeOutcome> {
  const now = new Date(ctx.clock.now());
  const { levels } = ctx.content.current().questContent;
  const outcome = await ctx.ledger.db.transaction((tx) =>
    intakeInTx(tx as unknown as Db, partner, request, now, levels),
  );
  if (outcome.kind === 'created' && outcome.memberId && outcome.state.points > 0)
    await notifyPointsChanged(ctx, outcome.memberId);
  return outcome;
}
