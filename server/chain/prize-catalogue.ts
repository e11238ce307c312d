import { type Address, createWalletClient, type Hex, http, keccak256, type PublicClient, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { prizes } from '../../shared/content/prizes.ts';

const ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;
const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'));

/**
 * Adds every prize of shared/content/prizes.ts the Prizes contract does not know yet (rules are fixed on chain once
 * added). Needs the admin key; without it, it names the prizes the brand's admin must add.
 */
export async function syncPrizeCatalogue(params: {
  client: PublicClient;
  rpcUrl: string;
  prizes: Address;
  adminKey: Hex;
  log: (line: string) => void;
}): Promise<void> {
  const { client } = params;
  const admin = privateKeyToAccount(params.adminKey);
  const contract = { address: params.prizes, abi: prizesAbi } as const;
  const missing = [];
  for (const prize of prizes) {
    const onChain = await client.readContract({
      ...contract,
      functionName: 'prize',
      args: [BigInt(prize.tokenId)],
    });
    if (!onChain.exists) missing.push(prize);
  }
  if (missing.length === 0) return;
  const isAdmin = await client.readContract({
    ...contract,
    functionName: 'hasRole',
    args: [ADMIN_ROLE, admin.address],
  });
  if (!isAdmin) {
    params.log(
      `prizes: ${missing.map((p) => p.id).join(', ')} not on chain; the Prizes admin must addPrize them`,
    );
    return;
  }
  const wallet = createWalletClient({ account: admin, chain: client.chain, transport: http(params.rpcUrl) });
  for (const prize of missing) {
    const { request } = await client.simulateContract({
      ...contract,
      account: admin,
      functionName: 'addPrize',
      args: [BigInt(prize.tokenId), BigInt(prize.maxSupply), prize.memberCap, prize.soulbound],
    });
    const hash = await wallet.writeContract(request);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`Prizes: addPrize ${prize.id} reverted (tx ${hash})`);
    params.log(`prizes: added ${prize.id} as token ${prize.tokenId} (tx ${hash})`);
  }
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
