import type { Prize } from '../../shared/content/prizes.ts';

/**
 * Where a guest's reward is minted meanwhile: the brand's custody address (AppContext.custodyAddress, set when
 * PRIZE_CUSTODY=custody) for a transferable prize of `prizes` (the published catalogue), else nowhere (held).
 */
export function custodyFor(
  custodyAddress: string | undefined,
  kind: 'stamp' | 'prize',
  itemId: string,
  prizes: readonly Pick<Prize, 'id' | 'soulbound'>[],
): string | undefined {
  if (!custodyAddress || kind !== 'prize') return undefined;
  const prize = prizes.find((candidate) => candidate.id === itemId);
  return prize && !prize.soulbound ? custodyAddress.toLowerCase() : undefined;
}

/** True for a row whose token sits (or is being minted) in custody, waiting for its member's wallet. */
export function inCustody(row: { custody: string | null; recipient: string | null }): boolean {
  return row.custody !== null && row.recipient === row.custody;
}

/** True for a row that moves a prize from custody to its member (rather than minting it). */
export function isCustodyTransfer(row: { custody: string | null; recipient: string | null }): boolean {
  return row.custody !== null && row.recipient !== null && row.recipient !== row.custody;
}

/** The wallet a member is shown for a row: none while its token sits in the brand's custody. */
export function shownRecipient(row: { custody: string | null; recipient: string | null }): string | null {
  return inCustody(row) ? null : row.recipient;
}
