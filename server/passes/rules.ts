import { sql } from 'drizzle-orm';
import { type PassRule, passRules } from '../../shared/content/pass-rules.ts';
import { pointsProgram } from '../../shared/content/points-program.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { Db } from '../db/open.ts';
import { memberStatus } from '../points/member-status.ts';
import { applyPassRule, type GrantOutcome } from './issue.ts';

/** Members looked at per rule and sweep: the rest wait for the next sweep. */
const CANDIDATES_PER_RULE = 500;

/** Ranks level ids by the levels' stamps, lowest first: -1 for a level the published content does not have. */
const rankerOf = (levels: readonly StatusLevel[]) => {
  const ranked = [...levels].sort((a, b) => a.minStamps - b.minStamps);
  return { ranked, rankOf: (level: string) => ranked.findIndex((candidate) => candidate.id === level) };
};

/**
 * Applies every status and partner rule a member meets and has not had: a status rule when their level (by stamps
 * or qualifying points, as the passport shows it, over the published `levels`) is the rule's or higher; a rule
 * whose level is not published (removed in the console) is met by nobody. Returns the outcomes by rule id.
 */
export async function applyRulesFor(
  db: Db,
  memberId: string,
  now: number,
  levels: readonly StatusLevel[],
  rules: readonly PassRule[] = passRules,
): Promise<Record<string, GrantOutcome>> {
  const outcomes: Record<string, GrantOutcome> = {};
  const statusRules = rules.filter((rule) => rule.when === 'status');
  if (statusRules.length > 0) {
    const { rankOf } = rankerOf(levels);
    const stamps = await stampCount(db, memberId);
    const status = await memberStatus(db, memberId, stamps, now, { levels });
    for (const rule of statusRules) {
      const needed = rankOf(rule.level);
      if (needed >= 0 && rankOf(status.level) >= needed)
        outcomes[rule.id] = await applyPassRule(db, memberId, rule, { by: 'system' }, new Date(now));
    }
  }
  for (const rule of rules) {
    if (rule.when !== 'partner') continue;
    const found = (await db.execute(sql`
      SELECT 1 FROM partner_activities WHERE member_id = ${memberId} AND partner_id = ${rule.partnerId}
        AND type = ${rule.activityType} AND status = 'credited' LIMIT 1`)) as { rows: unknown[] };
    if (found.rows.length > 0)
      outcomes[rule.id] = await applyPassRule(db, memberId, rule, { by: 'system' }, new Date(now));
  }
  return outcomes;
}

/**
 * One sweep over the published `levels`: members who may meet a status or partner rule they have not had (read in
 * SQL, at most CANDIDATES_PER_RULE per rule), each checked exactly by `applyRulesFor`. Returns the members looked at.
 */
export async function sweepPassRules(db: Db, now: number, levels: readonly StatusLevel[]): Promise<string[]> {
  const { ranked } = rankerOf(levels);
  const members = new Set<string>();
  for (const rule of passRules) {
    if (rule.when === 'console') continue;
    const level =
      rule.when === 'status' ? ranked.find((candidate) => candidate.id === rule.level) : undefined;
    const query =
      rule.when === 'partner'
        ? partnerCandidates(rule)
        : level
          ? statusCandidates(rule.id, level, now)
          : undefined;
    if (!query) continue;
    const rows = (await db.execute(query)) as { rows: { id: string }[] };
    for (const row of rows.rows) members.add(row.id);
  }
  for (const memberId of members) await applyRulesFor(db, memberId, now, levels);
  return [...members];
}

// Members without this rule whose stamps, or one calendar year's qualifying points since two years back, reach it.
function statusCandidates(ruleId: string, level: StatusLevel, now: number) {
  const since = new Date(Date.UTC(new Date(now).getUTCFullYear() - 2, 0, 1));
  const kinds = sql.join(
    pointsProgram.qualification.qualifyingKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const byPoints =
    level.minQualifyingPoints === undefined
      ? sql`FALSE`
      : sql`EXISTS (
          SELECT 1 FROM points_entries e JOIN points_movements mv ON mv.id = e.movement_id
          WHERE e.account_kind = 'member' AND e.account_id = m.id AND e.at >= ${since} AND mv.kind IN (${kinds})
          GROUP BY extract(year from e.at at time zone 'UTC') HAVING sum(e.amount) >= ${level.minQualifyingPoints})`;
  return sql`
    SELECT m.id FROM members m
    WHERE NOT EXISTS (SELECT 1 FROM pass_grants g WHERE g.member_id = m.id AND g.rule_id = ${ruleId})
      AND ((SELECT count(*) FROM member_stamps s WHERE s.member_id = m.id) >= ${level.minStamps} OR ${byPoints})
    LIMIT ${CANDIDATES_PER_RULE}`;
}

function partnerCandidates(rule: Extract<PassRule, { when: 'partner' }>) {
  return sql`
    SELECT DISTINCT a.member_id AS id FROM partner_activities a
    WHERE a.partner_id = ${rule.partnerId} AND a.type = ${rule.activityType} AND a.status = 'credited'
      AND a.member_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pass_grants g WHERE g.member_id = a.member_id AND g.rule_id = ${rule.id})
    LIMIT ${CANDIDATES_PER_RULE}`;
}

async function stampCount(db: Db, memberId: string): Promise<number> {
  const result = (await db.execute(
    sql`SELECT count(*)::int AS n FROM member_stamps WHERE member_id = ${memberId}`,
  )) as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}
