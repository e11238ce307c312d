import { earningRules } from '../../../shared/content/earning-rules.ts';
import type { PointsReasonView } from '../../../shared/protocol/points.ts';
import { localize, questTitle } from '../../core/content.ts';
import type { Locale } from '../../core/i18n/locales.ts';
import type { Translate } from '../../core/i18n/translate.ts';

/** What turns the ids in a reason into names: the translator, the locale, and the catalogue's item names. */
export interface ReasonContext {
  t: Translate;
  locale: Locale;
  itemName: (itemId: string, locale: Locale) => string;
}

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/** An earning rule's name from content, in the member's language; the id when a brand since removed the rule. */
export function ruleName(ruleId: string, locale: Locale): string {
  const rule = earningRules.find((candidate) => candidate.id === ruleId);
  return rule ? localize(rule.name, locale) : ruleId;
}

/**
 * Why points moved, in the member's words: the server sends a code and ids (quest, rule, catalogue item) or a
 * partner's own text, and the lounge names them, so one history reads right in every language.
 */
export function reasonText(reason: PointsReasonView, { t, locale, itemName }: ReasonContext): string {
  const params = reason.params ?? {};
  switch (reason.code) {
    case 'opening':
    case 'expiry':
    case 'merge':
      return t(`points.reason.${reason.code}`);
    case 'quest':
      return t('points.reason.quest', { quest: questTitle(text(params.quest), locale) });
    case 'earn':
      return t('points.reason.earn', { rule: ruleName(text(params.rule), locale) });
    case 'partner':
    case 'partnerReversal':
      return t(`points.reason.${reason.code}`, {
        partner: text(params.partner),
        description: text(params.description),
      });
    case 'purchase':
    case 'refund':
      return t(`points.reason.${reason.code}`, { item: itemName(text(params.item), locale) });
    case 'adjustment': {
      const note = text(params.note).trim();
      return note ? t('points.reason.adjustment', { note }) : t('points.reason.adjustmentPlain');
    }
    default:
      return t('points.reason.other');
  }
}
