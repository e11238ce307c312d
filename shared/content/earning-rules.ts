import { z } from 'zod';
import { Localized, parseItems } from './quest-schema.ts';
import { statusLevels } from './status.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');
const levelIds = new Set(statusLevels.map((level) => level.id));

/** What a rule earns on: a lounge event, or an activity a partner reports through the partner API. */
export const EarningTrigger = z.enum([
  'gameFinished',
  'gameWon',
  'eventAttended',
  'stampEarned',
  'zoneVisited',
  'partnerActivity',
]);
export type EarningTrigger = z.infer<typeof EarningTrigger>;

/** At most six decimals, so points per unit are computed exactly (in millionths) and floored. */
const perUnit = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((value) => Math.abs(value * 1e6 - Math.round(value * 1e6)) < 1e-6, 'at most 6 decimals');

/** One earning rule: a brand changes what members earn by editing content, not code. */
export const EarningRule = z
  .strictObject({
    id: slug,
    name: Localized,
    on: EarningTrigger,
    /** The partner whose activities earn by this rule (partnerActivity only). */
    partnerId: slug.optional(),
    /** The partner's kind of activity, e.g. 'flight', 'purchase', 'stay' (partnerActivity only). */
    activityType: slug.optional(),
    /** Fixed points per occurrence. */
    points: z.number().int().min(0).optional(),
    /**
     * Points per unit the partner reports, a decimal, the product floored (partnerActivity only). The unit is the
     * partner's: miles flown for an airline, cents spent for a shop (so 10 points per dollar is 0.1 per cent).
     */
    perUnit: perUnit.optional(),
    /** Most points one occurrence earns, after the tier bonus. */
    maxPerActivity: z.number().int().min(1).optional(),
    /** Most points one member earns by this rule per UTC day, after the tier bonus. */
    dailyCap: z.number().int().min(1).optional(),
    /** Extra points by the member's status level id, in percent of the base (0..300). */
    tierBonus: z.record(z.string(), z.number().int().min(0).max(300)).default({}),
  })
  .superRefine((rule, ctx) => {
    const partner = rule.on === 'partnerActivity';
    if (rule.points === undefined && rule.perUnit === undefined)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'needs points, perUnit or both' });
    if (partner && (!rule.partnerId || !rule.activityType))
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'partnerActivity needs partnerId and activityType',
      });
    if (!partner && (rule.partnerId || rule.activityType))
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'only partnerActivity rules name a partner',
      });
    if (!partner && rule.perUnit !== undefined)
      ctx.addIssue({ code: 'custom', path: ['perUnit'], message: 'only partnerActivity reports units' });
    for (const id of Object.keys(rule.tierBonus))
      if (!levelIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['tierBonus', id],
          message: 'must be a status level id (status.ts)',
        });
  });
export type EarningRule = z.infer<typeof EarningRule>;

const FILE = 'shared/content/earning-rules.ts';

/** Parses a rule list and refuses duplicate ids or two rules for one partner activity type. */
export function parseEarningRules(file: string, items: unknown[]): EarningRule[] {
  const rules = parseItems(file, 'earning rule', EarningRule, items);
  const seen = new Set<string>();
  for (const rule of rules) {
    const keys = [`id:${rule.id}`];
    if (rule.on === 'partnerActivity') keys.push(`partner:${rule.partnerId}:${rule.activityType}`);
    for (const key of keys) {
      if (seen.has(key)) throw new Error(`Layover: duplicate earning rule ${key} in ${file}`);
      seen.add(key);
    }
  }
  return rules;
}

const partnerBonus = { jetsetter: 50, 'frequent-flyer': 25 };

/** The brand's earning rules; the lounge and the partner API earn by these. */
export const earningRules: readonly EarningRule[] = parseEarningRules(FILE, [
  {
    id: 'game-finished',
    name: { en: 'Game played', 'zh-Hant': '完成遊戲', 'zh-Hans': '完成游戏', vi: 'Chơi xong một trò' },
    on: 'gameFinished',
    points: 5,
    dailyCap: 50,
  },
  {
    id: 'game-won',
    name: { en: 'Game won', 'zh-Hant': '贏得遊戲', 'zh-Hans': '赢得游戏', vi: 'Thắng một trò' },
    on: 'gameWon',
    points: 10,
    dailyCap: 100,
  },
  {
    id: 'event-attended',
    name: {
      en: 'Live event attended',
      'zh-Hant': '參加直播活動',
      'zh-Hans': '参加直播活动',
      vi: 'Tham dự sự kiện trực tiếp',
    },
    on: 'eventAttended',
    points: 25,
  },
  {
    id: 'skyway-air-flight',
    name: {
      en: 'Skyway Air flight',
      'zh-Hant': 'Skyway Air 航班',
      'zh-Hans': 'Skyway Air 航班',
      vi: 'Chuyến bay Skyway Air',
    },
    on: 'partnerActivity',
    partnerId: 'skyway-air',
    activityType: 'flight',
    perUnit: 1,
    maxPerActivity: 20_000,
    tierBonus: partnerBonus,
  },
  {
    id: 'harbor-coffee-purchase',
    name: {
      en: 'Harbor Coffee purchase',
      'zh-Hant': 'Harbor Coffee 消費',
      'zh-Hans': 'Harbor Coffee 消费',
      vi: 'Mua hàng Harbor Coffee',
    },
    on: 'partnerActivity',
    partnerId: 'harbor-coffee',
    activityType: 'purchase',
    perUnit: 0.1,
    maxPerActivity: 2_000,
    tierBonus: partnerBonus,
  },
  {
    id: 'lumen-hotels-stay',
    name: {
      en: 'Lumen Hotels stay',
      'zh-Hant': 'Lumen 酒店住宿',
      'zh-Hans': 'Lumen 酒店住宿',
      vi: 'Lưu trú Lumen Hotels',
    },
    on: 'partnerActivity',
    partnerId: 'lumen-hotels',
    activityType: 'stay',
    points: 500,
    tierBonus: partnerBonus,
  },
]);

/** Looks a rule up by id; throws for an id the content does not have. */
export function earningRuleById(id: string): EarningRule {
  const rule = earningRules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`Layover: unknown earning rule "${id}" (see ${FILE})`);
  return rule;
}
