import type { GameId } from '../../shared/content/games.ts';
import type { RoundResult } from '../../shared/protocol/games.ts';
import type { Locale } from '../core/i18n/translate.ts';

/** A score as the member reads it: Paper Plane's centimetres as metres, the others as whole points. */
export function formatScore(gameId: GameId | string, score: number, locale: Locale): string {
  if (gameId === 'plane')
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'meter',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(score / 100);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(score);
}

/** A distance in metres (a flight in progress, a landed throw). */
export function formatMetres(metres: number, locale: Locale): string {
  return formatScore('plane', Math.round(metres * 100), locale);
}

export type WindKind = 'tail' | 'head' | 'calm';

/** Positive wind blows down the terminal, with the plane. */
export function windKind(wind: number): WindKind {
  if (Math.abs(wind) < 0.05) return 'calm';
  return wind > 0 ? 'tail' : 'head';
}

export function formatWind(wind: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'meter-per-second',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(wind));
}

export type RecordKind = 'allTime' | 'daily' | null;

/** Whether this round set the member's best ever, or today's best (a score of 0 sets nothing). */
export function recordOf(result: Pick<RoundResult, 'score' | 'dailyBest' | 'allTimeBest'>): RecordKind {
  if (result.score <= 0) return null;
  if (result.score >= result.allTimeBest) return 'allTime';
  if (result.score >= result.dailyBest) return 'daily';
  return null;
}

export interface Ranked<T> {
  entry: T;
  /** 1-based; equal scores share a rank, as the server ranks a round. */
  rank: number;
}

/** Live standings: highest score first, ties by join order, equal scores sharing a rank. */
export function rankPlayers<T extends { score: number; order: number }>(players: readonly T[]): Ranked<T>[] {
  const sorted = [...players].sort((a, b) => b.score - a.score || a.order - b.order);
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map((entry, index) => {
    if (entry.score !== previous) rank = index + 1;
    previous = entry.score;
    return { entry, rank };
  });
}
