import { prizes } from '../../shared/content/prizes.ts';

let custodyAddress: string | undefined;

/** Set at boot when the brand mints guests' prizes to a custody address (PRIZE_CUSTODY=custody). */
export function setCustodyAddress(address: string | undefined): void {
  custodyAddress = address?.toLowerCase();
}

/** Where a guest's reward is minted meanwhile: the custody address for a transferable prize, else nowhere (held). */
export function custodyFor(kind: 'stamp' | 'prize', itemId: string): string | undefined {
  if (!custodyAddress || kind !== 'prize') return undefined;
  const prize = prizes.find((candidate) => candidate.id === itemId);
  return prize && !prize.soulbound ? custodyAddress : undefined;
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
