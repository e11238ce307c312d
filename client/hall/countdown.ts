/** Milliseconds left until `endsAt` (server epoch ms), given our clock and the server's offset; never negative. */
export function msLeft(endsAt: number, localNow: number, serverOffsetMs: number): number {
  if (!(endsAt > 0)) return 0;
  return Math.max(0, endsAt - (localNow + serverOffsetMs));
}

/** "m:ss" (or "h:mm:ss" past an hour) for a countdown, rounding up so 0:00 shows only at the end. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole percentages of each tally in the total (0 when nobody voted), for bars and screen-reader text. */
export function tallyShares(tallies: readonly number[]): number[] {
  const total = tallies.reduce((sum, count) => sum + count, 0);
  return tallies.map((count) => (total > 0 ? Math.round((count / total) * 100) : 0));
}
