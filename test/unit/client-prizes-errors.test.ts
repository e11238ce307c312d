import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  InsufficientFundsError,
  TransactionExecutionError,
  UserRejectedRequestError,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ProviderNotFoundError } from 'wagmi';
import { prizeErrorKey } from '../../client/passport/prizes/prizeErrors.ts';
import { PrizeMoveRevertedError } from '../../client/passport/prizes/prizeWrites.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';

const PRIZES = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const FROM = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** A revert as viem's simulateContract throws it: the decoded custom error inside the call's error. */
function simulatedRevert(data: `0x${string}`): ContractFunctionExecutionError {
  const reverted = new ContractFunctionRevertedError({
    abi: prizesAbi,
    data,
    functionName: 'safeTransferFrom',
  });
  return new ContractFunctionExecutionError(reverted, {
    abi: prizesAbi,
    functionName: 'safeTransferFrom',
    args: [FROM, TO, 2n, 1n, '0x'],
    contractAddress: PRIZES,
    sender: FROM,
  });
}

const revertOf = (errorName: string, args: readonly unknown[]) =>
  // biome-ignore lint/suspicious/noExplicitAny: any error of the ABI, by name
  simulatedRevert(encodeErrorResult({ abi: prizesAbi, errorName, args } as any));

describe('prizeErrorKey', () => {
  it('finds the contract error under the wrappers', () => {
    expect(prizeErrorKey(revertOf('PrizesSoulbound', [2n]))).toBe('prizes.error.soulbound');
    expect(prizeErrorKey(revertOf('ERC1155InsufficientBalance', [FROM, 0n, 1n, 1n]))).toBe(
      'prizes.error.notHeld',
    );
    expect(prizeErrorKey(revertOf('EnforcedPause', []))).toBe('prizes.error.paused');
    expect(prizeErrorKey(revertOf('ERC1155InvalidReceiver', [TO]))).toBe('prizes.error.receiver');
    expect(prizeErrorKey(revertOf('PrizesUnknownPrize', [9n]))).toBe('prizes.error.reverted');
  });

  it('tells a declined signature from a wallet short of gas', () => {
    const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    const rejected = new TransactionExecutionError(new UserRejectedRequestError(new Error('User denied')), {
      account,
      chain: undefined,
    });
    expect(prizeErrorKey(rejected)).toBe('prizes.error.rejected');
    const poor = new TransactionExecutionError(new InsufficientFundsError(), { account, chain: undefined });
    expect(prizeErrorKey(poor)).toBe('prizes.error.gas');
    // Wallets that answer with a bare EIP-1193 error object.
    expect(prizeErrorKey({ code: 4001, message: 'User rejected the request.' })).toBe(
      'prizes.error.rejected',
    );
  });

  it('names a missing browser wallet, an unreachable chain, a mined revert, and anything else', () => {
    expect(prizeErrorKey(new ProviderNotFoundError())).toBe('prizes.error.noWallet');
    expect(prizeErrorKey(new HttpRequestError({ url: 'http://127.0.0.1:8545' }))).toBe(
      'prizes.error.network',
    );
    expect(prizeErrorKey(new PrizeMoveRevertedError(`0x${'ab'.repeat(32)}`))).toBe('prizes.error.reverted');
    expect(prizeErrorKey(new Error('boom'))).toBe('prizes.error.unknown');
    expect(prizeErrorKey(undefined)).toBe('prizes.error.unknown');
  });
});
