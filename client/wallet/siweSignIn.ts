import { createSiweMessage } from 'viem/siwe';
import { routes } from '../../shared/protocol/routes.ts';
import type { SiweNonceResponse, SiweSessionResponse } from '../../shared/protocol/siwe.ts';
import { type ErrorCode, isErrorCode } from '../core/errorCodes.ts';
import { ApiError, callRoute } from '../core/http.ts';

export interface SiweSignInParameters {
  address: `0x${string}`;
  chainId: number;
  name: string;
  signMessage: (args: { message: string }) => Promise<`0x${string}`>;
  /** A guest session to link: that guest keeps their member record. */
  linkToken?: string | undefined;
}

const MESSAGE_TTL_MS = 10 * 60 * 1000;

/** A refused SIWE step as the member reads it: a 404 means this server offers no wallet sign-in. */
function siweRefusal(error: unknown, fallback: ErrorCode): unknown {
  if (!(error instanceof ApiError) || error.status === 0) return error;
  if (error.status === 404) return new ApiError('walletUnavailable', 404, undefined, { cause: error });
  if (isErrorCode(error.code)) return error;
  return new ApiError(fallback, error.status, error.detail, { cause: error });
}

/** Sign-In with Ethereum: nonce from the server, EIP-4361 message signed in the wallet, verified by the server. */
export async function signInWithEthereum({
  address,
  chainId,
  name,
  signMessage,
  linkToken,
}: SiweSignInParameters): Promise<SiweSessionResponse> {
  const { nonce } = await callRoute<SiweNonceResponse>(routes.siweNonce, { body: {} }).catch((error) => {
    throw siweRefusal(error, 'walletUnavailable');
  });
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
    throw new ApiError('walletRejected', 0, undefined, { cause });
  }
  const body = { message, signature, name, ...(linkToken ? { linkToken } : {}) };
  return callRoute<SiweSessionResponse>(routes.siweVerify, { body }).catch((error) => {
    throw siweRefusal(error, 'unauthorized');
  });
}
