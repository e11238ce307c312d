import { prizes } from '../../shared/content/prizes.ts';
import type { Localized, Quest, Stamp, StatusLevel } from '../../shared/content/quest-schema.ts';
import { quests } from '../../shared/content/quests.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { statusLevels } from '../../shared/content/status.ts';
import type { Locale } from './i18n/translate.ts';

/** A content text in the member's language (English if a brand left one out). */
export function localize(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}

export function findQuest(id: string): Quest | undefined {
  return quests.find((quest) => quest.id === id);
}

export function findStamp(id: string): Stamp | undefined {
  return stamps.find((stamp) => stamp.id === id);
}

export function findPrize(id: string) {
  return prizes.find((prize) => prize.id === id);
}

export function findLevel(id: string): StatusLevel | undefined {
  return statusLevels.find((level) => level.id === id);
}

/** A status level's name in `locale`; an unknown id is shown as sent rather than hidden. */
export function levelName(id: string, locale: Locale): string {
  const level = findLevel(id);
  return level ? localize(level.name, locale) : id;
}

/** Quest titles, stamp and prize names by id, in `locale`, falling back to the id. */
export const questTitle = (id: string, locale: Locale) => {
  const quest = findQuest(id);
  return quest ? localize(quest.title, locale) : id;
};

export const stampName = (id: string, locale: Locale) => {
  const stamp = findStamp(id);
  return stamp ? localize(stamp.name, locale) : id;
};

export const prizeName = (id: string, locale: Locale) => {
  const prize = findPrize(id);
  return prize ? localize(prize.name, locale) : id;
};

/** Stamp art as the client serves it: assets/ is Vite's public folder, so `stamps/x.svg` is `/stamps/x.svg`. */
export function stampArtUrl(stamp: Stamp): string {
  return `/${stamp.art.replace(/^\/+/, '')}`;
}
