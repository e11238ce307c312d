import { earningRules } from '../../../shared/content/earning-rules.ts';

/** The partners' own brand names, written the same in every language (the partner registry lives server-side). */
const PARTNER_NAMES: Readonly<Record<string, string>> = {
  'skyway-air': 'Skyway Air',
  'harbor-coffee': 'Harbor Coffee',
  'lumen-hotels': 'Lumen Hotels',
};

/** A partner's name from its id; an id the lounge does not know is shown title-cased rather than hidden. */
export function partnerName(partnerId: string): string {
  return (
    PARTNER_NAMES[partnerId] ??
    partnerId
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}

/** Where a member number earns points: every partner with an earning rule in content, in content order. */
export function partnerDesks(): string[] {
  const ids = earningRules.flatMap((rule) =>
    rule.on === 'partnerActivity' && rule.partnerId ? [rule.partnerId] : [],
  );
  return [...new Set(ids)].map(partnerName);
}
