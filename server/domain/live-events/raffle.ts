import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the room shows when a raffle opens: anyone can later check the revealed seed against it. */
export function raffleCommit(seed: string): string {
  return sha256(seed);
}

/**
 * Draws `supply` winners: entrants ranked by sha256(seed:memberId), lowest first. With the seed revealed after the
 * window, anyone holding the entrant list can repeat the draw; the seed was fixed (committed) before anyone entered.
 */
export function drawRaffle(seed: string, entrants: readonly string[], supply: number): string[] {
  return [...new Set(entrants)]
    .map((memberId) => ({ memberId, rank: sha256(`${seed}:${memberId}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, Math.max(0, supply))
    .map((entry) => entry.memberId);
}
