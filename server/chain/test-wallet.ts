import { createTestClient, http, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';

/** Ether a fresh test wallet starts with on the dev chain. */
export const TEST_WALLET_BALANCE = parseEther('10');

/** Creates a fresh key and funds it on a local anvil chain; never used against a real network. */
export async function createFundedTestWallet(rpcUrl: string): Promise<{
  privateKey: `0x${string}`;
  address: `0x${string}`;
}> {
  const privateKey = generatePrivateKey();
  const { address } = privateKeyToAccount(privateKey);
  const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport: http(rpcUrl) });
  await testClient.setBalance({ address, value: TEST_WALLET_BALANCE });
  return { privateKey, address };
}
