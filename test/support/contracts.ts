import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  decodeErrorResult,
  type Hex,
  http,
  type PublicClient,
  type TransactionReceipt,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';

/** A public client and a wallet factory on one anvil, for contract tests that send as several accounts. */
export function chainClients(rpcUrl: string) {
  const publicClient = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
  const wallet = (key: Hex) =>
    createWalletClient({ account: privateKeyToAccount(key), chain: foundry, transport: http(rpcUrl) });
  return { publicClient, wallet };
}

/** Waits for a sent transaction and fails the test when it reverted. */
export async function mined(client: PublicClient, hash: Promise<Hex>): Promise<TransactionReceipt> {
  const receipt = await client.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return receipt;
}

/** Runs a simulated call and returns the name of the custom error it reverted with. */
export async function revertName(call: Promise<unknown>): Promise<string | undefined> {
  return (await revertOf(call)).errorName;
}

/** Runs a simulated call and returns the custom error (name and arguments) it reverted with. */
export async function revertOf(
  call: Promise<unknown>,
  abi?: Abi,
): Promise<{ errorName?: string; args?: readonly unknown[] }> {
  try {
    await call;
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) {
      return { errorName: reverted.data?.errorName, args: reverted.data?.args };
    }
    // A raw `call` (no ABI attached) carries only the revert data: decode it with the given ABI.
    const data = error instanceof BaseError ? rawRevertData(error) : undefined;
    if (abi && data) {
      const decoded = decodeErrorResult({ abi, data });
      return { errorName: decoded.errorName, args: decoded.args };
    }
    throw error;
  }
  throw new Error('expected the call to revert');
}

function rawRevertData(error: BaseError): Hex | undefined {
  const found = error.walk((e) => typeof (e as { data?: unknown }).data === 'string') as {
    data?: Hex;
  } | null;
  return found?.data;
}
