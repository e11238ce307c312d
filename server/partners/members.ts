import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { type EarningRule, earningRules } from '../../shared/content/earning-rules.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { PartnerMemberRef } from '../../shared/protocol/partners.ts';
import type { Db } from '../db/open.ts';
import { memberNumbers, pointsEntries, pointsMovements } from '../db/points-schema.ts';
import { memberCredentials, memberStamps } from '../db/schema.ts';
import { evaluateEarning, partnerRuleFor } from '../domain/points/earning.ts';
import { lowestLevelId, memberStatus } from '../points/member-status.ts';

const DAY_MS = 86_400_000;

/** The member a partner names: the brand login's external id, a verified email, or a member number. */
export async function findMemberByRef(db: Db, ref: PartnerMemberRef): Promise<string | undefined> {
  if ('memberNumber' in ref) {
    const [row] = await db
      .select({ memberId: memberNumbers.memberId })
      .from(memberNumbers)
      .where(eq(memberNumbers.number, ref.memberNumber));
    return row?.memberId;
  }
  const where =
    'email' in ref
      ? and(eq(memberCredentials.kind, 'email'), eq(memberCredentials.subject, ref.email))
      : and(eq(memberCredentials.kind, 'oidc'), eq(memberCredentials.externalId, ref.externalId));
  const [row] = await db
    .select({ memberId: memberCredentials.memberId })
    .from(memberCredentials)
    .where(where)
    .limit(1);
  return row?.memberId;
}

/** The member's status level id at `at` (stamps and qualifying points, over the published `levels`): the tier bonus. */
export async function statusIdOf(
  db: Db,
  memberId: string,
  at: Date,
  levels: readonly StatusLevel[],
): Promise<string> {
  const [row] = await db.select({ n: count() }).from(memberStamps).where(eq(memberStamps.memberId, memberId));
  return (await memberStatus(db, memberId, row?.n ?? 0, at.getTime(), { levels })).level;
}

/** Points the member got today (UTC) from this partner's activities of this type: what a daily cap counts. */
async function earnedTodayFrom(
  db: Db,
  memberId: string,
  partnerId: string,
  type: string,
  at: Date,
): Promise<number> {
  const start = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${pointsEntries.amount}), 0)`.mapWith(Number) })
    .from(pointsEntries)
    .innerJoin(pointsMovements, eq(pointsMovements.id, pointsEntries.movementId))
    .where(
      and(
        eq(pointsEntries.accountKind, 'member'),
        eq(pointsEntries.accountId, memberId),
        eq(pointsMovements.kind, 'partner'),
        eq(pointsMovements.partnerId, partnerId),
        eq(pointsMovements.source, type),
        gte(pointsEntries.at, start),
        lt(pointsEntries.at, new Date(start.getTime() + DAY_MS)),
      ),
    );
  return row?.total ?? 0;
}

/** What one activity earns and the reason the member reads; undefined when no rule covers the activity type. */
export interface ActivityEarning {
  points: number;
  reason: { code: string; params: Record<string, string | number> };
}

/**
 * Evaluates the partner's earning rule for an activity: for a known member with their status (and today's earnings
 * when the rule has a daily cap), or for a member not found yet at the lowest status (recomputed when matched).
 */
export async function earningFor(
  db: Db,
  input: {
    partner: { id: string; name: string };
    type: string;
    units: number;
    description: string;
    memberId: string | undefined;
    at: Date;
    /** The published status levels (`ctx.content.current().questContent.levels`). */
    levels: readonly StatusLevel[];
    rules?: readonly EarningRule[];
  },
): Promise<ActivityEarning | undefined> {
  const rules = input.rules ?? earningRules;
  const rule = partnerRuleFor(rules, input.partner.id, input.type);
  if (!rule) return undefined;
  const { memberId } = input;
  const statusId = memberId
    ? await statusIdOf(db, memberId, input.at, input.levels)
    : lowestLevelId(input.levels);
  const earnedToday =
    memberId && rule.dailyCap !== undefined
      ? { [rule.id]: await earnedTodayFrom(db, memberId, input.partner.id, input.type, input.at) }
      : {};
  const [earned] = evaluateEarning([rule], {
    event: {
      kind: 'partnerActivity',
      partnerId: input.partner.id,
      activityType: input.type,
      units: input.units,
      partnerName: input.partner.name,
      description: input.description,
    },
    statusId,
    earnedToday,
  });
  return {
    points: earned?.points ?? 0,
    reason: earned?.reason ?? {
      code: 'partner',
      params: { partner: input.partner.name, description: input.description, rule: rule.id },
    },
  };
}
