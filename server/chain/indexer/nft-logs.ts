import { type Address, type Hex, type PublicClient, parseAbi } from 'viem';

/** One token id's movement: an ERC-721 Transfer (amount 1), a TransferSingle, or one item of a TransferBatch. */
export interface NftTransferLog {
  kind: 'transfer';
  from: Address;
  to: Address;
  tokenId: bigint;
  amount: bigint;
  item: number;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
}

/** A LoungePass tier set on chain: PassMinted (the first tier) or TierChanged (an upgrade or downgrade). */
export interface TierLog {
  kind: 'tier';
  tokenId: bigint;
  tier: number;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
}

// ERC-20's Transfer shares the topic but indexes 2 arguments, not 3: strict decoding leaves it out.
const followed = parseAbi([
  'event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)',
  'event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)',
  'event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)',
  'event PassMinted(address indexed to, uint256 indexed tokenId, uint8 tier)',
  'event TierChanged(uint256 indexed tokenId, uint8 fromTier, uint8 toTier)',
]);

/** The token movements and tier changes of one contract in `fromBlock..toBlock` (one getLogs), in chain order. */
export async function nftLogs(
  client: PublicClient,
  contract: Address,
  range: { fromBlock: bigint; toBlock: bigint },
): Promise<(NftTransferLog | TierLog)[]> {
  const logs = await client.getLogs({ address: contract, events: followed, strict: true, ...range });
  const decoded: (NftTransferLog | TierLog)[] = [];
  for (const log of logs) {
    if (log.blockHash === null || log.transactionHash === null || log.logIndex === null) continue;
    const at = {
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
    };
    switch (log.eventName) {
      case 'Transfer': {
        const { from, to, tokenId } = log.args;
        decoded.push({ kind: 'transfer', from, to, tokenId, amount: 1n, item: 0, ...at });
        break;
      }
      case 'TransferSingle': {
        const { from, to, id, value } = log.args;
        decoded.push({ kind: 'transfer', from, to, tokenId: id, amount: value, item: 0, ...at });
        break;
      }
      case 'TransferBatch': {
        const { from, to, ids, values } = log.args;
        for (const [item, tokenId] of ids.entries())
          decoded.push({ kind: 'transfer', from, to, tokenId, amount: values[item] ?? 0n, item, ...at });
        break;
      }
      case 'PassMinted':
        decoded.push({ kind: 'tier', tokenId: log.args.tokenId, tier: log.args.tier, ...at });
        break;
      case 'TierChanged':
        decoded.push({ kind: 'tier', tokenId: log.args.tokenId, tier: log.args.toTier, ...at });
        break;
    }
  }
  return decoded;
}
