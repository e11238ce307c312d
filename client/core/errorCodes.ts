import { SIWE_ERROR_CODES } from '../../shared/protocol/siwe-codes.ts';

/** Errors a member can see, each translated under `error.<code>`. */
export const ERROR_CODES = [
  'invalidName',
  'rateLimited',
  'internal',
  'network',
  'unauthorized',
  'sessionExpired',
  'loungeFull',
  'connectionLost',
  'joinFailed',
  'testWalletUnavailable',
  'walletUnavailable',
  'walletRejected',
  ...SIWE_ERROR_CODES,
  'gateDenied',
  'passInUse',
  'gateLost',
  'confirmErase',
  'eventNotFound',
  'eventNotOpen',
  'eventBanned',
  'eventRemoved',
  'eventEnded',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Maps any code a server sent to one we can translate. */
export function toErrorCode(value: unknown, fallback: ErrorCode = 'internal'): ErrorCode {
  return isErrorCode(value) ? value : fallback;
}
