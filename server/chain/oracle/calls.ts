import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  type Hex,
  type PublicClient,
} from 'viem';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../../contracts/abi/Stamps.ts';
import type { OutboxKind } from '../../db/schema.ts';
import { isPassKind, preparePassRow } from '../../passes/pass-calls.ts';
import { claimIdFor } from '../../prizes/claims.ts';
import { isCustodyTransfer } from '../../prizes/custody.ts';
import type { OutboxRow } from './ledger.ts';
import { confirmPrizeRefusal } from './refusal-check.ts';

/** The contracts the oracle sends to; LoungePass for pass mints and tier changes (server/passes). */
export type OracleContracts = { Prizes: Address; Stamps: Address; LoungePass?: Address };

/** One contract call that mints a batch of outbox rows. */
export interface BatchCall {
  to: Address;
  data: Hex;
}

/** Why a row left a batch: minted before (by an earlier transaction), or a rule the contract will never accept. */
export type Pruned = { row: OutboxRow; outcome: 'alreadyClaimed' | 'failed'; cause: string };

export interface PreparedBatch {
  rows: OutboxRow[];
  call: BatchCall;
  gas: bigint;
  pruned: Pruned[];
}

/** The code a prize row waits under while its prize is published but not yet added to the Prizes contract. */
export const PRIZE_NOT_ON_CHAIN = 'prizeNotOnChain';

/** A row's token id (undefined for an item no published version ever had); passes never reach here. */
export type TokenOf = (row: Pick<OutboxRow, 'kind' | 'itemId'>) => bigint | undefined;

/** The published catalogue's token ids, as far as the oracle needs them. */
export type TokenContent = {
  version: number;
  bundle: {
    prizes: readonly { id: string; tokenId: number }[];
    stamps: readonly { id: string; tokenId: number }[];
  };
};

/**
 * Token ids of every published version this book has seen (issue 20): a prize or stamp added by a publish mints by
 * its id, and since a token id is fixed once published, a row queued under an older version still mints.
 */
export function tokenBook(): { learn: (content: TokenContent) => void; tokenOf: TokenOf } {
  const ids: Record<OutboxKind, Map<string, bigint>> = {
    prize: new Map(),
    stamp: new Map(),
    // Pass rows are prepared by server/passes/pass-calls.ts, never batched here.
    pass: new Map(),
    tier: new Map(),
  };
  let learnt = -1;
  return {
    learn(content) {
      if (content.version === learnt) return;
      learnt = content.version;
      for (const prize of content.bundle.prizes) ids.prize.set(prize.id, BigInt(prize.tokenId));
      for (const stamp of content.bundle.stamps) ids.stamp.set(stamp.id, BigInt(stamp.tokenId));
    },
    tokenOf: (row) => ids[row.kind].get(row.itemId),
  };
}

/** The calldata minting `rows` (all of one kind) with their claim ids, or moving them out of custody to one member. */
export function batchCall(
  rows: OutboxRow[],
  prefix: string,
  contracts: { Prizes: Address; Stamps: Address },
  tokenOf: TokenOf,
) {
  const to = rows.map((row) => row.recipient as Address);
  const ids = rows.map((row) => tokenOf(row) ?? 0n);
  const first = rows[0];
  if (first && isCustodyTransfer(first))
    return {
      to: contracts.Prizes,
      data: encodeFunctionData({
        abi: prizesAbi,
        functionName: 'safeBatchTransferFrom',
        args: [first.custody as Address, first.recipient as Address, ids, ids.map(() => 1n), '0x'],
      }),
    };
  const claims = rows.map((row) => claimIdFor(prefix, row.id));
  if (first?.kind === 'stamp')
    return {
      to: contracts.Stamps,
      data: encodeFunctionData({ abi: stampsAbi, functionName: 'mintStamps', args: [to, ids, claims] }),
    };
  return {
    to: contracts.Prizes,
    data: encodeFunctionData({ abi: prizesAbi, functionName: 'mintPrizes', args: [to, ids, claims] }),
  };
}

/** Simulates the batch, removing rows the contract refuses until the rest would succeed; throws on RPC errors. */
export async function prepareBatch(
  client: PublicClient,
  from: Address,
  rows: OutboxRow[],
  prefix: string,
  contracts: OracleContracts,
  tokenOf: TokenOf,
): Promise<PreparedBatch | { paused: string; pruned: Pruned[] }> {
  const first = rows[0];
  if (first && isPassKind(first.kind)) return preparePassRow(client, from, rows, contracts.LoungePass);
  const pruned: Pruned[] = [];
  let batch = rows.filter((row) => {
    if (row.recipient && tokenOf(row) !== undefined) return true;
    pruned.push({ row, outcome: 'failed', cause: row.recipient ? 'unknownItem' : 'noRecipient' });
    return false;
  });
  while (batch.length > 0) {
    const call = batchCall(batch, prefix, contracts, tokenOf);
    try {
      const gas = await client.estimateGas({ account: from, ...call });
      return { rows: batch, call, gas, pruned };
    } catch (error) {
      const revert = revertOf(error);
      if (!revert) throw error;
      if (WAIT_REFUSALS.has(revert.name)) return { paused: revert.name, pruned };
      // A receiver contract can revert with any error data it likes: act on a named row only when the chain's own
      // views agree, else treat the refusal as unexpected.
      const drop = KNOWN_REFUSALS.has(revert.name)
        ? rowsToDrop(batch, revert, prefix, tokenOf)
        : { outcome: 'failed', rows: [] };
      const confirmed =
        drop.outcome === 'alreadyClaimed'
          ? await claimedOnChain(client, drop.rows, prefix, contracts)
          : revert.name === 'ERC1155InvalidReceiver'
            ? await refusedAlone(client, from, drop.rows, revert.name, prefix, contracts, tokenOf)
            : await confirmPrizeRefusal({
                client,
                prizes: contracts.Prizes,
                revert,
                batch,
                named: drop.rows,
                tokenOf,
              });
      if (confirmed.length === 0) {
        if (batch.length > 1) {
          // An unexpected refusal: mint the first half now (the rest stays queued) until the culprit stands alone.
          batch = batch.slice(0, Math.ceil(batch.length / 2));
          continue;
        }
        pruned.push(...batch.map((row) => ({ row, outcome: 'failed' as const, cause: revert.name })));
        break;
      }
      for (const row of confirmed)
        pruned.push({ row, outcome: drop.outcome as Pruned['outcome'], cause: revert.name });
      const dropped = new Set(confirmed);
      batch = batch.filter((row) => !dropped.has(row));
    }
  }
  return { paused: 'empty', pruned };
}

/** Refusals that no row causes: wait and try the same rows later (paused, roles, custody not approved or short). */
const WAIT_REFUSALS = new Set([
  'EnforcedPause',
  'AccessControlUnauthorizedAccount',
  'ERC1155MissingApprovalForAll',
  'ERC1155InsufficientBalance',
]);

/** The rows when they, minted on their own, are refused the same way (another receiver cannot have named them). */
async function refusedAlone(
  client: PublicClient,
  from: Address,
  rows: OutboxRow[],
  name: string,
  prefix: string,
  contracts: { Prizes: Address; Stamps: Address },
  tokenOf: TokenOf,
): Promise<OutboxRow[]> {
  if (rows.length === 0) return [];
  try {
    await client.estimateGas({ account: from, ...batchCall(rows, prefix, contracts, tokenOf) });
    return [];
  } catch (error) {
    return revertOf(error)?.name === name ? rows : [];
  }
}

/** Rows whose claim id the contract's `claimed` view really reports as used. */
async function claimedOnChain(
  client: PublicClient,
  rows: OutboxRow[],
  prefix: string,
  contracts: { Prizes: Address; Stamps: Address },
): Promise<OutboxRow[]> {
  const used = await Promise.all(
    rows.map((row) =>
      row.kind === 'stamp'
        ? client.readContract({
            address: contracts.Stamps,
            abi: stampsAbi,
            functionName: 'claimed',
            args: [claimIdFor(prefix, row.id)],
          })
        : client.readContract({
            address: contracts.Prizes,
            abi: prizesAbi,
            functionName: 'claimed',
            args: [claimIdFor(prefix, row.id)],
          }),
    ),
  );
  return rows.filter((_, index) => used[index]);
}

const KNOWN_REFUSALS = new Set([
  'PrizesAlreadyClaimed',
  'StampsAlreadyClaimed',
  'PrizesUnknownPrize',
  'PrizesSoldOut',
  'PrizesMemberCapReached',
  'ERC1155InvalidReceiver',
]);

type Revert = { name: string; args: readonly unknown[] };

function revertOf(error: unknown): Revert | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError)
    return { name: reverted.data?.errorName ?? 'unknown', args: reverted.data?.args ?? [] };
  // estimateGas reports reverts as an execution error carrying the revert data.
  const data = (
    error.walk((cause) => typeof (cause as { data?: unknown }).data === 'string') as { data?: Hex }
  )?.data;
  if (!data?.startsWith('0x') || data.length < 10) return undefined;
  for (const abi of [prizesAbi, stampsAbi]) {
    try {
      const decoded = new ContractFunctionRevertedError({ abi, data, functionName: 'mintPrizes' });
      if (decoded.data) return { name: decoded.data.errorName, args: decoded.data.args ?? [] };
    } catch {}
  }
  return { name: 'unknown', args: [] };
}

function rowsToDrop(
  batch: OutboxRow[],
  revert: Revert,
  prefix: string,
  tokenOf: TokenOf,
): Omit<Pruned, 'row' | 'cause'> & { rows: OutboxRow[] } {
  const [first, second] = revert.args;
  const same = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();
  switch (revert.name) {
    case 'PrizesAlreadyClaimed':
    case 'StampsAlreadyClaimed':
      return {
        outcome: 'alreadyClaimed',
        rows: batch.filter((row) => same(claimIdFor(prefix, row.id), first)),
      };
    case 'PrizesUnknownPrize':
      return { outcome: 'failed', rows: batch.filter((row) => tokenOf(row) === first) };
    case 'PrizesSoldOut':
      return { outcome: 'failed', rows: batch.filter((row) => tokenOf(row) === first).slice(-1) };
    case 'PrizesMemberCapReached':
      return {
        outcome: 'failed',
        rows: batch.filter((row) => tokenOf(row) === first && same(row.recipient, second)).slice(-1),
      };
    case 'ERC1155InvalidReceiver':
      return { outcome: 'failed', rows: batch.filter((row) => same(row.recipient, first)) };
    default:
      // Unknown cause: keep halving until the offending row stands alone, then fail it.
      return {
        outcome: 'failed',
        rows: batch.length === 1 ? batch : batch.slice(Math.ceil(batch.length / 2)),
      };
  }
}
