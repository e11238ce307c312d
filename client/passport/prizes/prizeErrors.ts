import { ContractFunctionRevertedError } from 'viem';
import type { MessageKey } from '../../core/i18n/en.ts';

/** The Prizes contract's (and its OpenZeppelin bases') custom errors a member can run into, in their words. */
const REVERTS: Readonly<Record<string, MessageKey>> = {
  PrizesSoulbound: 'prizes.error.soulbound',
  ERC1155InsufficientBalance: 'prizes.error.notHeld',
  EnforcedPause: 'prizes.error.paused',
  ERC1155InvalidReceiver: 'prizes.error.receiver',
};

/** viem and wagmi errors by name (both libraries set `name`; wagmi's classes are not viem's). */
const BY_NAME: Readonly<Record<string, MessageKey>> = {
  UserRejectedRequestError: 'prizes.error.rejected',
  InsufficientFundsError: 'prizes.error.gas',
  ProviderNotFoundError: 'prizes.error.noWallet',
  ConnectorAccountNotFoundError: 'prizes.error.wrongAccount',
  ConnectorChainMismatchError: 'prizes.error.chain',
  ChainMismatchError: 'prizes.error.chain',
  SwitchChainError: 'prizes.error.chain',
  SwitchChainNotSupportedError: 'prizes.error.chain',
  HttpRequestError: 'prizes.error.network',
  TimeoutError: 'prizes.error.network',
  PrizeMoveRevertedError: 'prizes.error.reverted',
};

/** EIP-1193 "user rejected the request". */
const USER_REJECTED = 4001;

/** Walks an error's cause chain (as viem's `BaseError.walk` does) to the first cause a member can act on. */
export function prizeErrorKey(error: unknown): MessageKey {
  let current: unknown = error;
  for (let depth = 0; current && depth < 16; depth++) {
    if (current instanceof ContractFunctionRevertedError) {
      const name = current.data?.errorName;
      return (name && REVERTS[name]) || 'prizes.error.reverted';
    }
    if (typeof current !== 'object') break;
    const { name, code, cause } = current as { name?: unknown; code?: unknown; cause?: unknown };
    if (code === USER_REJECTED) return 'prizes.error.rejected';
    const key = typeof name === 'string' ? BY_NAME[name] : undefined;
    if (key) return key;
    current = cause;
  }
  return 'prizes.error.unknown';
}
