import {
  type Address,
  decodeFunctionData,
  encodeFunctionData,
  type Hex,
  type LocalAccount,
  type PublicClient,
  recoverTypedDataAddress,
} from 'viem';
import { layoverForwarderAbi } from '../../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import {
  FORWARDER_DOMAIN,
  type ForwarderDomain,
  type ForwardRequestMessage,
  forwardTypedData,
} from '../../../shared/protocol/relay.ts';

/** Gas the forwarder gives the inner call (a redeem or a transfer into a receiver hook costs well under this). */
export const INNER_GAS = 200_000n;
/** How long a prepared request stays valid. */
export const DEADLINE_SECONDS = 600;
/** The latest deadline a submitted request may carry: a request valid for days is a liability, not a convenience. */
export const MAX_DEADLINE_SECONDS = 3_600;

/** The forwarder's EIP-712 domain on this chain. */
export function forwarderDomain(chainId: number, forwarder: Address): ForwarderDomain {
  return { ...FORWARDER_DOMAIN, chainId, verifyingContract: forwarder };
}

/** What a relayed call does to Prizes: burn for a perk, or move to another address. */
export type PrizeCall =
  | { kind: 'redeem'; tokenId: bigint; amount: bigint }
  | { kind: 'gift'; from: Address; to: Address; tokenId: bigint; amount: bigint };

/** Calldata of a Prizes call. */
export function prizeCallData(call: PrizeCall): Hex {
  if (call.kind === 'redeem')
    return encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [call.tokenId, call.amount] });
  return encodeFunctionData({
    abi: prizesAbi,
    functionName: 'safeTransferFrom',
    args: [call.from, call.to, call.tokenId, call.amount, '0x'],
  });
}

/** Reads back the Prizes call a request carries; undefined for anything else (another function, extra data). */
export function decodePrizeCall(data: Hex): PrizeCall | undefined {
  try {
    const decoded = decodeFunctionData({ abi: prizesAbi, data });
    if (decoded.functionName === 'redeem') {
      const [tokenId, amount] = decoded.args;
      return { kind: 'redeem', tokenId, amount };
    }
    if (decoded.functionName === 'safeTransferFrom') {
      const [from, to, tokenId, amount, extra] = decoded.args;
      if (extra !== '0x') return undefined;
      return { kind: 'gift', from, to, tokenId, amount };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The forwarder's next nonce for `from`. */
export function forwarderNonce(client: PublicClient, forwarder: Address, from: Address): Promise<bigint> {
  return client.readContract({
    address: forwarder,
    abi: layoverForwarderAbi,
    functionName: 'nonces',
    args: [from],
  });
}

/** A request for `from` to make `data` on `to`, with the forwarder's current nonce and a deadline from `nowMs`. */
export async function buildRequest(
  client: PublicClient,
  forwarder: Address,
  params: { from: Address; to: Address; data: Hex; nowMs: number },
): Promise<ForwardRequestMessage> {
  const nonce = await forwarderNonce(client, forwarder, params.from);
  return {
    from: params.from,
    to: params.to,
    value: '0',
    gas: INNER_GAS.toString(),
    nonce: nonce.toString(),
    deadline: String(Math.floor(params.nowMs / 1000) + DEADLINE_SECONDS),
    data: params.data,
  };
}

/** Who signed `message` under `domain` (undefined for a malformed signature). */
export async function signerOf(
  domain: ForwarderDomain,
  message: ForwardRequestMessage,
  signature: Hex,
): Promise<Address | undefined> {
  try {
    return await recoverTypedDataAddress({ ...forwardTypedData(domain, message), signature });
  } catch {
    return undefined;
  }
}

/** Signs a request with a key the server holds (the custody key, acting for a member after a fresh sign-in). */
export function signRequest(
  account: LocalAccount,
  domain: ForwarderDomain,
  message: ForwardRequestMessage,
): Promise<Hex> {
  if (!account.signTypedData) throw new Error('Layover: this account cannot sign typed data');
  return account.signTypedData(forwardTypedData(domain, message));
}

/** Calldata of `Forwarder.execute` for a signed request (the nonce is the forwarder's own, checked on chain). */
export function executeData(message: ForwardRequestMessage, signature: Hex): Hex {
  return encodeFunctionData({
    abi: layoverForwarderAbi,
    functionName: 'execute',
    args: [
      {
        from: message.from as Address,
        to: message.to as Address,
        value: BigInt(message.value),
        gas: BigInt(message.gas),
        deadline: Number(message.deadline),
        data: message.data as Hex,
        signature,
      },
    ],
  });
}
