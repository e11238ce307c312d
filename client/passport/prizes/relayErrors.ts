import { RelayErrorCode } from '../../../shared/protocol/relay.ts';
import { ApiError } from '../../core/http.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/** Codes this client translates beyond the server's list: a claim link past its time, wallet and network trouble. */
const CLIENT: Readonly<Record<string, MessageKey>> = {
  claimExpired: 'rewards.error.claimExpired',
  unauthorized: 'rewards.error.unauthorized',
  sessionExpired: 'rewards.error.unauthorized',
  network: 'rewards.error.network',
  rateLimited: 'rewards.error.rateLimited',
  rejected: 'rewards.error.rejected',
  wrongAccount: 'rewards.error.wrongAccount',
  chain: 'rewards.error.chain',
};

/** The message for a relay refusal (shared/protocol/relay.ts), a client-side failure, or else "try again". */
export function relayErrorKey(code: string | null | undefined): MessageKey {
  if (!code) return 'rewards.error.other';
  if (RelayErrorCode.safeParse(code).success) return `rewards.error.${code as RelayErrorCode}`;
  return CLIENT[code] ?? 'rewards.error.other';
}

/** viem's and wagmi's error names (and EIP-1193's 4001) that a member can act on, as this client's codes. */
const WALLET_NAMES: Readonly<Record<string, string>> = {
  UserRejectedRequestError: 'rejected',
  ProviderNotFoundError: 'noWallet',
  ConnectorNotConnectedError: 'noWallet',
  ConnectorAccountNotFoundError: 'wrongAccount',
  WrongAccountError: 'wrongAccount',
  ChainMismatchError: 'chain',
  SwitchChainError: 'chain',
  SwitchChainNotSupportedError: 'chain',
  ConnectorChainMismatchError: 'chain',
  HttpRequestError: 'network',
  TimeoutError: 'network',
};

/** The code of any failure on the way: the API's own, or the first wallet cause in the chain (viem's `walk`). */
export function relayFailureCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 16; depth++) {
    const { name, code, cause } = current as { name?: unknown; code?: unknown; cause?: unknown };
    if (code === 4001) return 'rejected';
    const known = typeof name === 'string' ? WALLET_NAMES[name] : undefined;
    if (known) return known;
    current = cause;
  }
  return 'other';
}
