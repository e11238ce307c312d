import type { Account, Address, Hash } from 'viem';
import { BaseError } from 'viem';
import {
  getAccount,
  simulateContract,
  switchChain,
  waitForTransactionReceipt,
  writeContract,
} from 'wagmi/actions';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import type { PrizeWallet } from './prizeWallet.ts';

/** Who signs: the local test wallet's account (signed here, sent over RPC), or the connected browser wallet. */
export type PrizeSigningAccount = Account | Address;

export interface PrizeMoveParameters {
  wallet: PrizeWallet & { prizes: Address };
  account: PrizeSigningAccount;
  tokenId: bigint;
}

export type GiftPrizeParameters = PrizeMoveParameters & { from: Address; to: Address };
export type PrizeMoveReturnType = Hash;
export type PrizeMoveErrorType = PrizeMoveRevertedError | Error;

/** The transaction was mined but reverted (the state changed between simulation and inclusion). */
export class PrizeMoveRevertedError extends BaseError {
  constructor(hash: Hash) {
    super('Prize transaction reverted.', {
      metaMessages: [`Transaction: ${hash}`],
      name: 'PrizeMoveRevertedError',
    });
  }
}

/** Simulates, sends and waits for the receipt of one call on the Prizes contract. */
async function sendPrizeCall(
  { wallet, account }: PrizeMoveParameters,
  call:
    | { functionName: 'redeem'; args: readonly [bigint, bigint] }
    | { functionName: 'safeTransferFrom'; args: readonly [Address, Address, bigint, bigint, `0x${string}`] },
): Promise<Hash> {
  const { config, chainId, prizes } = wallet;
  // A browser wallet signs on its current network: move it to the lounge's first.
  if (typeof account === 'string' && getAccount(config).chainId !== chainId)
    await switchChain(config, { chainId });
  const { request } = await simulateContract(config, {
    address: prizes,
    abi: prizesAbi,
    account,
    chainId,
    ...call,
  });
  const hash = await writeContract(config, request);
  const receipt = await waitForTransactionReceipt(config, { hash, chainId });
  if (receipt.status !== 'success') throw new PrizeMoveRevertedError(hash);
  return hash;
}

/** Burns one unit of the prize to redeem its perk (`redeem(prizeId, 1)`). */
export function redeemPrize(parameters: PrizeMoveParameters): Promise<PrizeMoveReturnType> {
  return sendPrizeCall(parameters, { functionName: 'redeem', args: [parameters.tokenId, 1n] });
}

/** Gives one unit to another member (`safeTransferFrom(from, to, id, 1, 0x)`); soulbound prizes revert. */
export function giftPrize(parameters: GiftPrizeParameters): Promise<PrizeMoveReturnType> {
  const { from, to, tokenId } = parameters;
  return sendPrizeCall(parameters, { functionName: 'safeTransferFrom', args: [from, to, tokenId, 1n, '0x'] });
}
