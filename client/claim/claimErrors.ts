import { ApiError } from '../core/http.ts';
import type { MessageKey } from '../core/i18n/en.ts';

/** Refusals of a gift link a member can meet, in their words; anything else reads "try again". */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  claimNotFound: 'rewards.error.claimNotFound',
  notFound: 'rewards.error.claimNotFound',
  invalidRelay: 'rewards.error.claimNotFound',
  claimUsed: 'rewards.error.claimUsed',
  claimExpired: 'rewards.error.claimExpired',
  claimOwn: 'rewards.error.claimOwn',
  guestNotAllowed: 'rewards.error.guestNotAllowed',
  reauthRequired: 'rewards.error.reauthRequired',
  dailyLimit: 'rewards.error.dailyLimit',
  rateLimited: 'rewards.error.rateLimited',
  relayFailed: 'rewards.error.relayFailed',
  custodyUnavailable: 'rewards.error.custodyUnavailable',
  receiverRefuses: 'rewards.error.receiverRefuses',
  unauthorized: 'rewards.error.unauthorized',
  sessionExpired: 'rewards.error.unauthorized',
  network: 'rewards.error.network',
};

/** The code of a failed claim call. */
export function claimFailureCode(error: unknown): string {
  return error instanceof ApiError ? error.code : 'other';
}

export function claimErrorKey(code: string): MessageKey {
  return KNOWN[code] ?? 'rewards.error.other';
}
