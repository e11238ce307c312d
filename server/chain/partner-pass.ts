import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Address,
  createWalletClient,
  getAddress,
  getContractAddress,
  type Hex,
  http,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import type { Artifact } from '../../contracts/build.ts';
import { ANVIL_ACCOUNTS } from './anvil.ts';

const ARTIFACT = join(import.meta.dirname, '../../contracts/out/PartnerPass.json');

/**
 * On the dev chain, a stand-in for a partner brand's NFT: deployed once by anvil's "partner" account, so it sits at
 * that account's first contract address and a restart with saved chain state finds it again. Elsewhere the brand's
 * real contract comes from PARTNER_PASS_ADDRESS.
 */
export async function ensureDevPartnerPass(client: PublicClient, rpcUrl: string): Promise<Address> {
  const partner = privateKeyToAccount(ANVIL_ACCOUNTS.partner.privateKey);
  const address = getContractAddress({ from: partner.address, nonce: 0n });
  const code = await client.getCode({ address });
  if (code && code !== '0x') return address;
  // contracts/out is written by buildContracts, which boot runs before this.
  const artifact: Artifact = JSON.parse(await readFile(ARTIFACT, 'utf8'));
  const wallet = createWalletClient({
    account: partner,
    chain: client.chain ?? foundry,
    transport: http(rpcUrl),
  });
  const hash = await wallet.deployContract({
    abi: partnerPassAbi,
    bytecode: artifact.bytecode as Hex,
    args: [partner.address],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new Error(`PartnerPass: dev deployment reverted (tx ${hash})`);
  return getAddress(receipt.contractAddress);
}
