import {
  type Address,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { PrizeChainState, UnsignedTransaction } from '../../shared/protocol/content.ts';

const ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;

/** Where a published prize goes on chain: the Prizes contract, its reader, and the admin key when this server has one. */
export interface PrizeAdmin {
  client: PublicClient;
  rpcUrl: string;
  prizes: Address;
  chainId: number;
  /** The key holding the contract's admin role; undefined: the brand's admin wallet signs in the console. */
  adminKey: Hex | undefined;
}

const argsOf = (prize: Prize) =>
  [BigInt(prize.tokenId), BigInt(prize.maxSupply), prize.memberCap, prize.soulbound] as const;

/** The addPrize transaction, unsigned, for the brand's admin wallet to sign. */
export function unsignedAddPrize(admin: PrizeAdmin, prize: Prize): UnsignedTransaction {
  const data = encodeFunctionData({ abi: prizesAbi, functionName: 'addPrize', args: argsOf(prize) });
  return { to: admin.prizes, data, chainId: admin.chainId };
}

/** Whether the Prizes contract knows this prize (its rules are then fixed there). */
export async function prizeOnChain(admin: PrizeAdmin, tokenId: number): Promise<boolean> {
  const rules = await admin.client.readContract({
    address: admin.prizes,
    abi: prizesAbi,
    functionName: 'prize',
    args: [BigInt(tokenId)],
  });
  return rules.exists;
}

/**
 * Adds a newly published prize with `addPrize` (simulated first) when this server holds the admin key; otherwise
 * answers the unsigned transaction for the brand's admin wallet. A prize already on chain is left as it is.
 */
export async function addPublishedPrize(admin: PrizeAdmin, prize: Prize): Promise<PrizeChainState> {
  const state = { prizeId: prize.id, tokenId: prize.tokenId };
  if (await prizeOnChain(admin, prize.tokenId)) return { ...state, onChain: true };
  const contract = { address: admin.prizes, abi: prizesAbi } as const;
  const account = admin.adminKey ? privateKeyToAccount(admin.adminKey) : undefined;
  const isAdmin =
    account !== undefined &&
    (await admin.client.readContract({
      ...contract,
      functionName: 'hasRole',
      args: [ADMIN_ROLE, account.address],
    }));
  if (!account || !isAdmin) return { ...state, onChain: false, transaction: unsignedAddPrize(admin, prize) };
  const wallet = createWalletClient({ account, chain: admin.client.chain, transport: http(admin.rpcUrl) });
  // Processes booting together (or a boot during a publish) may add the same prize with the same key at once: the
  // one that loses (a revert, a nonce taken) finds it on chain and is done; anything else is tried twice more.
  for (let attempt = 1; ; attempt++) {
    try {
      const { request } = await admin.client.simulateContract({
        ...contract,
        account,
        functionName: 'addPrize',
        args: argsOf(prize),
      });
      const txHash = await wallet.writeContract(request);
      const receipt = await admin.client.waitForTransactionReceipt({ hash: txHash });
      if (receipt.status !== 'success')
        throw new Error(`Prizes: addPrize ${prize.id} reverted (tx ${txHash})`);
      return { ...state, onChain: true, txHash };
    } catch (error) {
      if (await prizeOnChain(admin, prize.tokenId)) return { ...state, onChain: true };
      if (attempt >= ADD_PRIZE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Tries of one addPrize before a publish or a boot reports it failed. */
const ADD_PRIZE_ATTEMPTS = 3;
