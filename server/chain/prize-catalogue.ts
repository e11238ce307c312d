import { type Address, createWalletClient, type Hex, http, keccak256, type PublicClient, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { PrizeChainState } from '../../shared/protocol/content.ts';
import { addPublishedPrize, type PrizeAdmin } from './prize-admin.ts';

const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'));

/**
 * Adds every published prize the Prizes contract does not know yet (rules are fixed on chain once added), one by one
 * as a publish does (./prize-admin.ts). Without the admin role, it names the prizes the brand's admin must add; their
 * awards wait in the oracle's queue meanwhile.
 */
export async function syncPrizeCatalogue(params: {
  admin: PrizeAdmin;
  /** The published catalogue (ctx.content.current().bundle.prizes). */
  prizes: readonly Prize[];
  log: (line: string) => void;
}): Promise<PrizeChainState[]> {
  const states: PrizeChainState[] = [];
  for (const prize of params.prizes) {
    const state = await addPublishedPrize(params.admin, prize);
    if (state.txHash) params.log(`prizes: added ${prize.id} as token ${prize.tokenId} (tx ${state.txHash})`);
    states.push(state);
  }
  const missing = states.filter((state) => !state.onChain).map((state) => state.prizeId);
  if (missing.length > 0)
    params.log(`prizes: ${missing.join(', ')} not on chain; the Prizes admin must addPrize them`);
  return states;
}

/** Dev chain only: lets a faucet key mint LoungePasses, so test-wallet passes never touch the oracle's nonces. */
export async function grantDevPassMinter(params: {
  client: PublicClient;
  rpcUrl: string;
  pass: Address;
  adminKey: Hex;
  faucet: Address;
}): Promise<void> {
  const { client } = params;
  const contract = { address: params.pass, abi: loungePassAbi } as const;
  if (await client.readContract({ ...contract, functionName: 'hasRole', args: [MINTER_ROLE, params.faucet] }))
    return;
  const admin = privateKeyToAccount(params.adminKey);
  const wallet = createWalletClient({ account: admin, chain: client.chain, transport: http(params.rpcUrl) });
  const hash = await wallet.writeContract({
    ...contract,
    functionName: 'grantRole',
    args: [MINTER_ROLE, params.faucet],
    chain: client.chain,
  });
  await client.waitForTransactionReceipt({ hash });
}
