import { z } from 'zod';
import { DisplayName, type SessionResponse } from './http.ts';

export const SIWE_MESSAGE_MAX = 2000;
/** Room for ERC-6492 signatures, which wrap a factory call around the account's own signature. */
export const SIWE_SIGNATURE_MAX = 8000;

/** `POST /auth/siwe/nonce` takes nothing; an absent body counts as `{}`. */
export const SiweNonceBody = z.strictObject({});
export type SiweNonceBody = z.infer<typeof SiweNonceBody>;

export interface SiweNonceResponse {
  nonce: string;
  /** ISO time after which the nonce is refused. */
  expiresAt: string;
}

/** `POST /auth/siwe/verify`: an EIP-4361 message, its signature, and optionally a guest session to link. */
export const SiweVerifyBody = z.strictObject({
  message: z.string().min(1).max(SIWE_MESSAGE_MAX),
  signature: z
    .string()
    .max(SIWE_SIGNATURE_MAX)
    .regex(/^0x(?:[0-9a-fA-F]{2})+$/, 'must be 0x-prefixed hex bytes')
    .transform((hex) => hex as `0x${string}`),
  name: DisplayName.optional(),
  linkToken: z.string().min(20).max(200).optional(),
});
export type SiweVerifyBody = z.infer<typeof SiweVerifyBody>;

export interface SiweSessionResponse extends SessionResponse {
  /** True when the member signed in is the guest behind `linkToken` (their record now carries the wallet). */
  linked: boolean;
}
