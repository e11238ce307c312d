import type { Address, Hex, PublicClient } from 'viem';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';

/** A PrizeRedeemed log: who burned how many of which prize, where. */
export interface RedeemedLog {
  kind: 'redeemed';
  member: Address;
  tokenId: bigint;
  amount: bigint;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
}

/** One token id's movement from a TransferSingle, or one item of a TransferBatch. */
export interface TransferLog {
  kind: 'transfer';
  from: Address;
  to: Address;
  tokenId: bigint;
  amount: bigint;
  txHash: Hex;
  logIndex: number;
  item: number;
  blockNumber: bigint;
  blockHash: Hex;
}

const followed = prizesAbi.filter(
  (item) =>
    item.type === 'event' &&
    (item.name === 'PrizeRedeemed' || item.name === 'TransferSingle' || item.name === 'TransferBatch'),
);

/** The Prizes logs the indexer follows in `fromBlock..toBlock` (one getLogs), decoded, in chain order. */
export async function prizeLogs(
  client: PublicClient,
  prizes: Address,
  range: { fromBlock: bigint; toBlock: bigint },
): Promise<(RedeemedLog | TransferLog)[]> {
  const logs = await client.getLogs({ address: prizes, events: followed, strict: true, ...range });
  const decoded: (RedeemedLog | TransferLog)[] = [];
  for (const log of logs) {
    if (log.blockHash === null || log.transactionHash === null || log.logIndex === null) continue;
    const at = {
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
    };
    const args = log.args as Record<string, unknown>;
    if (log.eventName === 'PrizeRedeemed')
      decoded.push({
        kind: 'redeemed',
        member: args.member as Address,
        tokenId: args.prizeId as bigint,
        amount: args.amount as bigint,
        ...at,
      });
    else if (log.eventName === 'TransferSingle')
      decoded.push({
        kind: 'transfer',
        ...transferParties(args),
        tokenId: args.id as bigint,
        amount: args.value as bigint,
        item: 0,
        ...at,
      });
    else if (log.eventName === 'TransferBatch') {
      const ids = args.ids as readonly bigint[];
      const values = args.values as readonly bigint[];
      for (const [item, tokenId] of ids.entries())
        decoded.push({
          kind: 'transfer',
          ...transferParties(args),
          tokenId,
          amount: values[item] ?? 0n,
          item,
          ...at,
        });
    }
  }
  return decoded;
}

function transferParties(args: Record<string, unknown>): { from: Address; to: Address } {
  return { from: args.from as Address, to: args.to as Address };
}
