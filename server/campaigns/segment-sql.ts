import { type SQL, sql } from 'drizzle-orm';
import type { PointsProgram } from '../../shared/content/points-program.ts';
import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import type { SegmentFilter, SignInKind } from '../../shared/protocol/segments.ts';
import { qualificationEnds } from '../domain/points/status.ts';
import { ERASED_NAME } from '../members/erase-tombstone.ts';
import { SegmentError } from './segment-error.ts';
import { type GateRulesView, gateCondition } from './segment-gates.ts';

/** What a filter is evaluated against besides the ledger: the content of now and the gated rooms' rules. */
export interface SegmentContext {
  now: number;
  levels: readonly StatusLevel[];
  program: PointsProgram;
  gates: GateRulesView;
}

const DAY_MS = 86_400_000;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
const all = (parts: SQL[]) => (parts.length === 0 ? sql`true` : sql.join(parts, sql` AND `));
const any = (parts: SQL[]) => (parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`);

/**
 * The filter as one SQL condition on `members m` (every clause a correlated subquery, so the database does the
 * whole evaluation in one statement). Erased members' tombstones never match.
 */
export function segmentCondition(filter: SegmentFilter, context: SegmentContext): SQL {
  const parts: SQL[] = [
    sql`NOT (m.display_name = ${ERASED_NAME} AND m.address IS NULL AND NOT EXISTS (SELECT 1 FROM member_credentials c WHERE c.member_id = m.id))`,
  ];
  if (filter.statusLevels) parts.push(statusIn(filter.statusLevels, context));
  if (filter.stampsAll)
    parts.push(
      sql`(SELECT count(DISTINCT s.stamp_id) FROM member_stamps s WHERE s.member_id = m.id AND s.stamp_id IN (${list(filter.stampsAll)})) = ${new Set(filter.stampsAll).size}`,
    );
  if (filter.stampsAny)
    parts.push(
      sql`EXISTS (SELECT 1 FROM member_stamps s WHERE s.member_id = m.id AND s.stamp_id IN (${list(filter.stampsAny)}))`,
    );
  if (filter.questsDone)
    parts.push(
      sql`(SELECT count(*) FROM quest_progress q WHERE q.member_id = m.id AND q.quest_id IN (${list(filter.questsDone)})
        AND ((q.state->>'done')::boolean OR coalesce((q.state->>'completions')::int, 0) > 0)) = ${new Set(filter.questsDone).size}`,
    );
  if (filter.points) {
    const balance = sql`coalesce((SELECT sum(e.amount) FROM points_entries e WHERE e.account_kind = 'member' AND e.account_id = m.id), 0)`;
    if (filter.points.min !== undefined) parts.push(sql`${balance} >= ${filter.points.min}`);
    if (filter.points.max !== undefined) parts.push(sql`${balance} <= ${filter.points.max}`);
  }
  const lastVisit = sql`greatest(m.created_at, (SELECT max(d.last_seen_at) FROM device_sessions d WHERE d.member_id = m.id))`;
  if (filter.lastVisitWithinDays !== undefined)
    parts.push(sql`${lastVisit} >= ${daysBefore(context.now, filter.lastVisitWithinDays)}`);
  if (filter.notVisitedForDays !== undefined)
    parts.push(sql`${lastVisit} < ${daysBefore(context.now, filter.notVisitedForDays)}`);
  if (filter.locales) parts.push(sql`coalesce(m.locale, 'en') IN (${list(filter.locales)})`);
  if (filter.signInKinds) parts.push(any(filter.signInKinds.map(signInKind)));
  if (filter.holdsGate !== undefined) parts.push(holdsGate(filter.holdsGate, context.gates));
  return all(parts);
}

const daysBefore = (now: number, days: number) => new Date(now - days * DAY_MS).toISOString();

function signInKind(kind: SignInKind): SQL {
  if (kind === 'wallet') return sql`m.address IS NOT NULL`;
  if (kind === 'guest')
    return sql`(m.address IS NULL AND NOT EXISTS (SELECT 1 FROM member_credentials c WHERE c.member_id = m.id))`;
  return sql`EXISTS (SELECT 1 FROM member_credentials c WHERE c.member_id = m.id AND c.kind = ${kind})`;
}

/** Qualifying points of one UTC calendar year, as server/points/member-status.ts sums them. */
function qualifyingIn(year: number, program: PointsProgram): SQL {
  const from = new Date(Date.UTC(year, 0, 1)).toISOString();
  const to = new Date(Date.UTC(year + 1, 0, 1)).toISOString();
  return sql`coalesce((SELECT sum(e.amount) FROM points_entries e JOIN points_movements mv ON mv.id = e.movement_id
    WHERE e.account_kind = 'member' AND e.account_id = m.id AND mv.kind IN (${list(program.qualification.qualifyingKinds)})
    AND e.at >= ${from} AND e.at < ${to}), 0)`;
}

/** Whether the member holds `level` (by stamps, or by a year's qualifying points still in force), as statusFor decides. */
function holds(level: StatusLevel, context: SegmentContext): SQL {
  const byStamps = sql`(SELECT count(*) FROM member_stamps s WHERE s.member_id = m.id) >= ${level.minStamps}`;
  const min = level.minQualifyingPoints;
  if (min === undefined) return byStamps;
  const year = new Date(context.now).getUTCFullYear();
  const years = [year, year - 1, year - 2].filter((y) => context.now < qualificationEnds(y, context.program));
  return any([byStamps, ...years.map((y) => sql`${qualifyingIn(y, context.program)} >= ${min}`)]);
}

/** The member's level (the highest held, ranked by minStamps) is one of `ids`. */
function statusIn(ids: readonly string[], context: SegmentContext): SQL {
  const ranked = [...context.levels].sort((a, b) => a.minStamps - b.minStamps);
  for (const id of ids)
    if (!ranked.some((level) => level.id === id))
      throw new SegmentError('unknownStatusLevel', `no status level has the id "${id}"`);
  return any(
    ranked.flatMap((level, rank) => {
      if (!ids.includes(level.id)) return [];
      const higher = ranked.slice(rank + 1).map((above) => sql`NOT ${holds(above, context)}`);
      return [all([holds(level, context), ...higher])];
    }),
  );
}

/** The gated room's rule over the indexed holdings: any of `anyOf`, and all of `allOf`. */
function holdsGate(room: string, gates: GateRulesView): SQL {
  const rule = gates.rules.get(room);
  if (!rule) throw new SegmentError('unknownGate', `no gated room has the id "${room}"`);
  const parts: SQL[] = [];
  if (rule.anyOf) parts.push(any(rule.anyOf.map((condition) => gateCondition(condition, gates))));
  if (rule.allOf) parts.push(all(rule.allOf.map((condition) => gateCondition(condition, gates))));
  return sql`(${all(parts)})`;
}
