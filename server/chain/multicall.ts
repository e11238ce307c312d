import { type Address, getAddress, type PublicClient } from 'viem';

/** Multicall3's address on nearly every chain (same deployer, same nonce). */
export const MULTICALL3_ADDRESS = getAddress('0xcA11bde05977b3631167028862bE2a173976CA11');

/** How batched reads reach the chain: the deployed Multicall3, viem's deployless multicall, or one eth_call each. */
export type ReadMode =
  | { kind: 'multicall3'; address: Address }
  | { kind: 'deployless' }
  | { kind: 'parallel' };

/**
 * Picks the read mode: Multicall3 where the chain has it; otherwise viem's deployless multicall, which sends
 * Multicall3's creation code inside one eth_call (anvil has no Multicall3 and needs no anvil_setCode for this).
 */
export async function chooseReadMode(
  client: PublicClient,
  prefer: ReadMode['kind'] | undefined = undefined,
): Promise<ReadMode> {
  if (prefer === 'parallel') return { kind: 'parallel' };
  const code = await client.getCode({ address: MULTICALL3_ADDRESS }).catch(() => undefined);
  if (code && code !== '0x' && prefer !== 'deployless')
    return { kind: 'multicall3', address: MULTICALL3_ADDRESS };
  return { kind: 'deployless' };
}
