import type { EarningRule, EarningTrigger } from '../../../shared/content/earning-rules.ts';

/** Something a member did that may earn points: a lounge event, or an activity a partner reported. */
export type EarningEvent =
  | { kind: 'gameFinished'; gameId: string; won: boolean }
  | { kind: 'eventAttended' }
  | { kind: 'stampEarned' }
  | { kind: 'zoneVisited'; zone: string }
  | {
      kind: 'partnerActivity';
      partnerId: string;
      activityType: string;
      /** The partner's units (miles, cents); a non-negative integer, anything else earns only fixed points. */
      units: number;
      /** The partner's display name and description for the member's history; the partner id when absent. */
      partnerName?: string;
      description?: string;
    };

export interface EarningInput {
  event: EarningEvent;
  /** The member's status level id, for the tier bonus. */
  statusId: string;
  /** Points already earned today (UTC) by rule id, for daily caps. */
  earnedToday: Readonly<Record<string, number>>;
}

/** Points one rule gives for one event, with the reason the member reads in their history. */
export interface EarnedPoints {
  ruleId: string;
  points: number;
  reason: { code: 'earn' | 'partner'; params: Record<string, string | number> };
}

const MILLION = 1_000_000n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The triggers an event fires: a won game fires both gameFinished and gameWon. */
function triggersOf(event: EarningEvent): EarningTrigger[] {
  if (event.kind === 'gameFinished') return event.won ? ['gameFinished', 'gameWon'] : ['gameFinished'];
  return [event.kind];
}

/** Whether a rule applies to an event (partner rules match the partner and its activity type). */
function matches(rule: EarningRule, event: EarningEvent): boolean {
  if (!triggersOf(event).includes(rule.on)) return false;
  if (rule.on !== 'partnerActivity') return true;
  return (
    event.kind === 'partnerActivity' &&
    rule.partnerId === event.partnerId &&
    rule.activityType === event.activityType
  );
}

/** Base points before the bonus, in exact integer arithmetic: fixed points plus floor(perUnit * units). */
function basePoints(rule: EarningRule, event: EarningEvent): bigint {
  let base = BigInt(rule.points ?? 0);
  if (rule.perUnit !== undefined && event.kind === 'partnerActivity') {
    const units = Number.isSafeInteger(event.units) && event.units > 0 ? BigInt(event.units) : 0n;
    base += (BigInt(Math.round(rule.perUnit * 1e6)) * units) / MILLION;
  }
  return base;
}

/** One rule's points for one event: base, plus the tier bonus (floored), then per-activity and daily caps. */
export function pointsByRule(rule: EarningRule, input: EarningInput): number {
  const bonus = BigInt(rule.tierBonus[input.statusId] ?? 0);
  let points = (basePoints(rule, input.event) * (100n + bonus)) / 100n;
  if (rule.maxPerActivity !== undefined && points > BigInt(rule.maxPerActivity))
    points = BigInt(rule.maxPerActivity);
  if (rule.dailyCap !== undefined) {
    const earned = input.earnedToday[rule.id] ?? 0;
    const left = Number.isFinite(earned) ? BigInt(Math.max(0, rule.dailyCap - Math.floor(earned))) : 0n;
    if (points > left) points = left;
  }
  if (points > SAFE) points = SAFE;
  return points < 0n ? 0 : Number(points);
}

/** The points every matching rule gives for an event; rules that give nothing (capped, zero) are left out. */
export function evaluateEarning(rules: readonly EarningRule[], input: EarningInput): EarnedPoints[] {
  const earned: EarnedPoints[] = [];
  for (const rule of rules) {
    if (!matches(rule, input.event)) continue;
    const points = pointsByRule(rule, input);
    if (points <= 0) continue;
    const { event } = input;
    const reason: EarnedPoints['reason'] =
      event.kind === 'partnerActivity'
        ? {
            code: 'partner',
            params: {
              partner: event.partnerName ?? event.partnerId,
              description: event.description ?? event.activityType,
              rule: rule.id,
            },
          }
        : { code: 'earn', params: { rule: rule.id } };
    earned.push({ ruleId: rule.id, points, reason });
  }
  return earned;
}

/** The rule a partner's activity type earns by; undefined when none (the partner API answers 422 noEarningRule). */
export function partnerRuleFor(
  rules: readonly EarningRule[],
  partnerId: string,
  activityType: string,
): EarningRule | undefined {
  return rules.find(
    (rule) =>
      rule.on === 'partnerActivity' && rule.partnerId === partnerId && rule.activityType === activityType,
  );
}
