import { type CatalogueItem, catalogueItem } from '../../../shared/content/catalogue.ts';
import { localize } from '../../core/content.ts';
import type { Locale } from '../../core/i18n/locales.ts';

/** A catalogue item's words and reward from content by id (the API sends ids, prices and counts only). */
export function findItem(itemId: string): CatalogueItem | undefined {
  return catalogueItem(itemId);
}

/** A catalogue item's name in the member's language; the id when content no longer lists it. */
export function itemName(itemId: string, locale: Locale): string {
  const item = findItem(itemId);
  return item ? localize(item.name, locale) : itemId;
}
