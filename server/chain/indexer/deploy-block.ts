import type { Address, PublicClient } from 'viem';

/**
 * The block a contract was created in, by bisecting on its code (as the gate service finds LoungePass's); 0 when the
 * node keeps no historical state, so the index reads from the chain's start instead of missing a transfer.
 */
export async function deployBlockOf(client: PublicClient, address: Address): Promise<bigint> {
  try {
    let low = 0n;
    let high = await client.getBlockNumber({ cacheTime: 0 });
    while (low < high) {
      const middle = (low + high) / 2n;
      const code = await client.getCode({ address, blockNumber: middle });
      if (code && code !== '0x') high = middle;
      else low = middle + 1n;
    }
    return low;
  } catch {
    return 0n;
  }
}
