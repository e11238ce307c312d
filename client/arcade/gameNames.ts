import { type GameId, type GameInfo, games } from '../../shared/content/games.ts';
import type { Locale } from '../core/i18n/translate.ts';

export function gameInfo(id: GameId): GameInfo | undefined {
  return games.find((game) => game.id === id);
}

/** A game's name in the member's language (the content always has all four). */
export function gameName(id: GameId, locale: Locale): string {
  const info = gameInfo(id);
  return info ? info.name[locale] || info.name.en : id;
}

export function gameHowTo(id: GameId, locale: Locale): string {
  const info = gameInfo(id);
  return info ? info.howTo[locale] || info.howTo.en : '';
}
