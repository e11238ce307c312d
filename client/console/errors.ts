import { SIWE_ERROR_CODES } from '../../shared/protocol/siwe-codes.ts';
import { ApiError } from '../core/http.ts';

/** Server and sign-in error codes the console translates, each under `error.<code>`. */
export const CONSOLE_ERROR_CODES = [
  'unauthorized',
  'sessionExpired',
  'forbidden',
  'network',
  'internal',
  'rateLimited',
  'notFound',
  'eventNotFound',
  'banNotFound',
  'invalidJson',
  'bodyTooLarge',
  'invalidName',
  'invalidEvent',
  'eventStarted',
  'eventEnded',
  'conflict',
  'invalidContent',
  // Published content (issue 20).
  'contentConflict',
  'unknownContent',
  'unknownVersion',
  'nothingToPublish',
  'testWalletUnavailable',
  'walletUnavailable',
  'walletRejected',
  ...SIWE_ERROR_CODES,
  // Staff sign-in without a wallet (email code, passkey, the brand's login) and the refresh cookie.
  'sessionEnded',
  'sessionReused',
  'crossSite',
  'invalidEmail',
  'codeInvalid',
  'codeExpired',
  'codeLocked',
  'tooManyCodes',
  'emailUnavailable',
  'passkeyUnavailable',
  'passkeyInvalid',
  'passkeyUnknown',
  'oidcUnavailable',
  'oidcFailed',
  // The support flow (members search, email re-bind).
  'credentialInUse',
  'roleRequired',
  // The team page (issue 20).
  'lastOwner',
  'invalidPrincipal',
  'roleNotHeld',
  'memberNotFound',
  'invalidReason',
  'invalidQuery',
  // Program analytics (issue 20).
  'invalidPeriod',
] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];

function isConsoleErrorCode(value: unknown): value is ConsoleErrorCode {
  return typeof value === 'string' && (CONSOLE_ERROR_CODES as readonly string[]).includes(value);
}

/** The code to show for a failed call: the server's own when we translate it, else one from the HTTP status. */
export function toConsoleErrorCode(code: unknown, status?: number): ConsoleErrorCode {
  if (isConsoleErrorCode(code)) return code;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rateLimited';
  return 'internal';
}

/** The code the console shows for any failure: an API refusal's own (or its status's), else `internal`. */
export function consoleErrorOf(error: unknown): ConsoleErrorCode {
  return error instanceof ApiError ? toConsoleErrorCode(error.code, error.status) : 'internal';
}
