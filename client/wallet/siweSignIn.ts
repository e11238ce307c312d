import { createSiweMessage } from 'viem/siwe';
import type { SiweSessionResponse } from '../../shared/protocol/siwe.ts';
import { type ErrorCode, toErrorCode } from '../core/errorCodes.ts';
import { ApiError } from '../core/http.ts';

export interface SiweSignInParameters {
  address: `0x${string}`;
  chainId: number;
  name: string;
  signMessage: (args: { message: string }) => Promise<`0x${string}`>;
  /** A guest session to link: that guest keeps their member record. */
  linkToken?: string | undefined;
}

const MESSAGE_TTL_MS = 10 * 60 * 1000;

async function readError(response: Response, fallback: ErrorCode): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const code = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  return new ApiError(response.status === 404 ? 'walletUnavailable' : toErrorCode(code, fallback));
}

/** Sign-In with Ethereum: nonce from the server, EIP-4361 message signed in the wallet, verified by the server. */
export async function signInWithEthereum({
  address,
  chainId,
  name,
  signMessage,
  linkToken,
}: SiweSignInParameters): Promise<SiweSessionResponse> {
  const nonceResponse = await fetch('/auth/siwe/nonce', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  }).catch((cause) => {
    throw new ApiError('network', { cause });
  });
  if (!nonceResponse.ok) throw await readError(nonceResponse, 'walletUnavailable');
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const now = new Date();
  const message = createSiweMessage({
    domain: location.host,
    address,
    statement: 'Sign in to Layover Lounge.',
    uri: location.origin,
    version: '1',
    chainId,
    nonce,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + MESSAGE_TTL_MS),
  });
  let signature: `0x${string}`;
  try {
    signature = await signMessage({ message });
  } catch (cause) {
    throw new ApiError('walletRejected', { cause });
  }
  const verifyResponse = await fetch('/auth/siwe/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ message, signature, name, linkToken }),
  }).catch((cause) => {
    throw new ApiError('network', { cause });
  });
  if (!verifyResponse.ok) throw await readError(verifyResponse, 'unauthorized');
  return (await verifyResponse.json()) as SiweSessionResponse;
}
