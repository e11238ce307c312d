import { SIGN_IN_ERROR_CODES } from '../../shared/protocol/sign-in.ts';
import { SIWE_ERROR_CODES } from '../../shared/protocol/siwe-codes.ts';
import { ApiError } from './http.ts';

/** Errors a member can see, each translated under `error.<code>`. */
export const ERROR_CODES = [
  'invalidName',
  'rateLimited',
  'tooManyRooms',
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
  ...SIGN_IN_ERROR_CODES,
  'gateDenied',
  'passInUse',
  'gateLost',
  'openedElsewhere',
  'confirmErase',
  'eventNotFound',
  'eventNotOpen',
  'eventBanned',
  'eventRemoved',
  'eventEnded',
  'roleChanged',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Maps any code a server sent to one we can translate. */
export function toErrorCode(value: unknown, fallback: ErrorCode = 'internal'): ErrorCode {
  return isErrorCode(value) ? value : fallback;
}

/** The code to show a member for a failed call: the API's own when we translate it, else `fallback`'s kin. */
export function errorCodeOf(error: unknown, fallback: ErrorCode = 'internal'): ErrorCode {
  return error instanceof ApiError ? toErrorCode(error.code) : fallback;
}
