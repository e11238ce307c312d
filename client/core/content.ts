import type { Prize } from '../../shared/content/prizes.ts';
import type { Localized, Quest, Stamp, StatusLevel } from '../../shared/content/quest-schema.ts';
import type { MemberContent } from '../../shared/protocol/content.ts';
import type { Locale } from './i18n/translate.ts';
import { useLayoverStore } from './store.ts';

// Content comes from GET /api/content into the store (client/core/content/loadContent.ts); these read the version
// in hand at call time. Components that call them in render also call useContent() so a new version re-renders them.

const published = (): MemberContent | null => useLayoverStore.getState().content;

/** Quests in content order; empty until the first load. */
export const publishedQuests = (): readonly Quest[] => published()?.quests ?? [];

/** Stamps in content order; empty until the first load. */
export const publishedStamps = (): readonly Stamp[] => published()?.stamps ?? [];

/** Status levels, lowest first; empty until the first load. */
export const publishedLevels = (): readonly StatusLevel[] => published()?.statusLevels ?? [];

/** A content text in the member's language (English if a brand left one out). */
export function localize(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}

/** One item of the published content by id; undefined before the first load or once removed. */
export function findQuest(id: string): Quest | undefined {
  return publishedQuests().find((quest) => quest.id === id);
}

export function findStamp(id: string): Stamp | undefined {
  return publishedStamps().find((stamp) => stamp.id === id);
}

export function findPrize(id: string): Prize | undefined {
  return published()?.prizes.find((prize) => prize.id === id);
}

export function findLevel(id: string): StatusLevel | undefined {
  return publishedLevels().find((level) => level.id === id);
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
