import {
  type Abi,
  type Address,
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
import { type LocalAccount, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { layoverForwarderAbi } from '../../contracts/abi/LayoverForwarder.ts';

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

const FORWARD_REQUEST_TYPES = {
  ForwardRequest: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'gas', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint48' },
    { name: 'data', type: 'bytes' },
  ],
} as const;

/** A LayoverForwarder `execute` argument: `data` on `to`, signed by `signer` for `from` (a test may forge one). */
export async function signForwardRequest(params: {
  client: PublicClient;
  forwarder: Address;
  signer: LocalAccount;
  from?: Address;
  to: Address;
  data: Hex;
}) {
  const from = params.from ?? params.signer.address;
  const nonce = await params.client.readContract({
    address: params.forwarder,
    abi: layoverForwarderAbi,
    functionName: 'nonces',
    args: [from],
  });
  const request = { from, to: params.to, value: 0n, gas: 200_000n, deadline: 2 ** 40, data: params.data };
  const signature = await params.signer.signTypedData({
    domain: {
      name: 'Layover Forwarder',
      version: '1',
      chainId: await params.client.getChainId(),
      verifyingContract: params.forwarder,
    },
    types: FORWARD_REQUEST_TYPES,
    primaryType: 'ForwardRequest',
    message: { ...request, nonce },
  });
  return { ...request, signature };
}
