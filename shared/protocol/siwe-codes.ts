// No zod here, so the client's entry chunk can list these codes without loading the schemas.

/** Codes `POST /auth/siwe/verify` answers with when it refuses a sign-in. */
export const SIWE_ERROR_CODES = [
  'siweInvalid',
  'siweDomainMismatch',
  'siweUriMismatch',
  'siweChainMismatch',
  'siweExpired',
  'siweNotYetValid',
  'siweNonceInvalid',
  'siweSignatureInvalid',
] as const;
export type SiweErrorCode = (typeof SIWE_ERROR_CODES)[number];
