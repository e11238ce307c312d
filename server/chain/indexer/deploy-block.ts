import type { Address, PublicClient } from 'viem';

/**
 * The block a contract was created in, by bisecting on its code (as the gate service finds LoungePass's); 0 when the
 * node keeps no historical state, so the index reads from the chain's start instead of missing a transfer. A node
 * that cannot answer at all (the head unreadable) throws, so the caller asks again later rather than remember 0: on a
 * real chain reading from block 0 takes hours.
 */
export async function deployBlockOf(client: PublicClient, address: Address): Promise<bigint> {
  let high = await client.getBlockNumber({ cacheTime: 0 });
  let low = 0n;
  const codeAt = async (blockNumber: bigint) => {
    try {
      return await client.getCode({ address, blockNumber });
    } catch {
      // Once more: a passing failure is not a node without history.
      return client.getCode({ address, blockNumber });
    }
  };
  try {
    while (low < high) {
      const middle = (low + high) / 2n;
      const code = await codeAt(middle);
      if (code && code !== '0x') high = middle;
      else low = middle + 1n;
    }
    return low;
  } catch {
    return 0n;
  }
}
