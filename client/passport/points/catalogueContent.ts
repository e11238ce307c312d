import type { Localized } from '../../../shared/content/quest-schema.ts';
import { localize } from '../../core/content.ts';
import type { Locale } from '../../core/i18n/locales.ts';

/** What a catalogue item gives (shared/content/catalogue.ts). */
export type CatalogueReward =
  | { type: 'prize'; prizeId: string }
  | { type: 'perk' }
  | { type: 'raffle'; raffleId: string; drawsOn: string }
  | { type: 'partnerTransfer'; partnerId: string; partnerUnits: number };

/** A catalogue item's words and reward, as content holds them. */
export interface CatalogueItemContent {
  id: string;
  name: Localized;
  description: Localized;
  reward: CatalogueReward;
}

// TEMPORARY until helper D's shared/content/catalogue.ts lands: the items are read from there by id.
const items: readonly CatalogueItemContent[] = [];

export function findItem(itemId: string): CatalogueItemContent | undefined {
  return items.find((item) => item.id === itemId);
}

/** A catalogue item's name in the member's language; the id when content no longer lists it. */
export function itemName(itemId: string, locale: Locale): string {
  const item = findItem(itemId);
  return item ? localize(item.name, locale) : itemId;
}
