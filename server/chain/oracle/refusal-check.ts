import type { Address, PublicClient } from 'viem';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import { isCustodyTransfer } from '../../prizes/custody.ts';
import type { OutboxRow } from './ledger.ts';

/** The refusals whose rows are failed for good, each named by the contract's error. */
export const PRIZE_RULE_REFUSALS = new Set(['PrizesUnknownPrize', 'PrizesSoldOut', 'PrizesMemberCapReached']);

export type RefusalCheckParameters = {
  client: PublicClient;
  prizes: Address;
  /** The error the simulation reverted with, and its arguments. */
  revert: { name: string; args: readonly unknown[] };
  /** Every row of the simulated batch. */
  batch: OutboxRow[];
  /** The rows the refusal names. */
  named: OutboxRow[];
  tokenOf: (row: OutboxRow) => bigint | undefined;
};

/**
 * The named rows when the Prizes contract's own views agree with the refusal, else none. A receiver contract can
 * revert with any error data it likes (OpenZeppelin's ERC-1155 passes a receiver's revert on as it is), so a
 * `PrizesSoldOut` from a hostile receiver must not get another member's row failed: the rule has to hold on chain.
 */
export async function confirmPrizeRefusal(params: RefusalCheckParameters): Promise<OutboxRow[]> {
  const { client, revert, batch, named, tokenOf } = params;
  if (!PRIZE_RULE_REFUSALS.has(revert.name)) return named;
  // A transfer out of custody mints nothing: a mint rule it "broke" can only be a receiver's made-up revert.
  if (named.length === 0 || batch.some((row) => row.kind !== 'prize' || isCustodyTransfer(row))) return [];
  const [tokenId, member] = revert.args;
  if (typeof tokenId !== 'bigint') return [];
  const contract = { address: params.prizes, abi: prizesAbi } as const;
  const prize = await client.readContract({ ...contract, functionName: 'prize', args: [tokenId] });
  const ofToken = batch.filter((row) => tokenOf(row) === tokenId);
  switch (revert.name) {
    case 'PrizesUnknownPrize':
      return prize.exists ? [] : named;
    case 'PrizesSoldOut':
      return prize.exists && prize.minted + BigInt(ofToken.length) > prize.maxSupply ? named : [];
    default: {
      if (!prize.exists || prize.memberCap === 0 || typeof member !== 'string') return [];
      const lower = member.toLowerCase();
      const minted = await client.readContract({
        ...contract,
        functionName: 'mintedTo',
        args: [tokenId, member as Address],
      });
      const asked = ofToken.filter((row) => row.recipient?.toLowerCase() === lower).length;
      return minted + BigInt(asked) > BigInt(prize.memberCap) ? named : [];
    }
  }
}
