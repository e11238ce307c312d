/** Someone at the cabinet, as the lobby and the ranking see them. */
export interface Seat {
  key: string;
  order: number;
  ready: boolean;
  connected: boolean;
}

/**
 * Whether the lobby starts now: enough players and all of them ready, or, once its deadline has passed, enough
 * players and at least one of them ready (a room of idle members never plays rounds on its own).
 */
export function lobbyStarts(
  seats: readonly Seat[],
  rules: { minPlayers: number; lobbyEndsAt: number },
  now: number,
): boolean {
  const present = seats.filter((seat) => seat.connected);
  if (present.length < rules.minPlayers) return false;
  if (present.every((seat) => seat.ready)) return true;
  return now >= rules.lobbyEndsAt && present.some((seat) => seat.ready);
}

export interface Standing {
  key: string;
  score: number;
  /** 1-based; equal scores share a rank. */
  rank: number;
}

/** Ranks a round: highest score first, ties share a rank and list by join order (lower first). */
export function rankRound(entries: readonly { key: string; score: number; order: number }[]): Standing[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.order - b.order);
  return sorted.map((entry) => ({
    key: entry.key,
    score: entry.score,
    rank: 1 + sorted.filter((other) => other.score > entry.score).length,
  }));
}

/** The round's one winner: the first standing (ties go to the lower join order) if it reached `winScore`. */
export function roundWinner(standings: readonly Standing[], winScore: number): string | null {
  const first = standings[0];
  return first && first.score >= winScore ? first.key : null;
}

/** The UTC day (YYYY-MM-DD) of an epoch ms: leaderboards and the daily prize count by it. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
