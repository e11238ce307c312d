import type { PointsAccountKind } from '../db/points-schema.ts';

const KINDS: readonly PointsAccountKind[] = ['member', 'brand', 'partner', 'expiry', 'catalogue', 'erased'];

/**
 * Refuses a movement the books could not take (fewer than two entries, a zero or non-integer amount, an unknown
 * account, a sum other than 0) before it reaches the database, whose deferred trigger would refuse it only at commit.
 */
export function checkMovement(
  key: string,
  entries: readonly { account: { kind: string; id: string }; amount: number }[],
): void {
  const fail = (why: string): never => {
    throw new Error(`Points: movement ${key} does not balance (${why})`);
  };
  if (key.length === 0) throw new Error('Points: a movement needs an idempotency key');
  if (entries.length < 2) fail(`${entries.length} entries, at least 2 needed`);
  let sum = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amount)) fail(`amount ${entry.amount} is not a whole number`);
    if (entry.amount === 0) fail('an entry of 0');
    if (!KINDS.includes(entry.account.kind as PointsAccountKind))
      fail(`unknown account ${entry.account.kind}`);
    if (entry.account.id.length === 0) fail(`a ${entry.account.kind} account without an id`);
    sum += entry.amount;
  }
  if (sum !== 0) fail(`entries sum to ${sum}`);
}
