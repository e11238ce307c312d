import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  encodeFunctionData,
  type Hex,
  type PublicClient,
} from 'viem';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import type { OutboxKind } from '../db/schema.ts';

/** Outbox kinds the pass code owns: one LoungePass mint, or one tier change, per transaction. */
export function isPassKind(kind: OutboxKind): kind is 'pass' | 'tier' {
  return kind === 'pass' || kind === 'tier';
}

type PassRow = { id: number; kind: OutboxKind; itemId: string; recipient: string | null };

/** The call for one pass row: `mint(recipient, tier)` or `setTier(tokenId, tier)` (itemId `<tokenId>:<tier>`). */
export function passCall(row: PassRow, loungePass: Address): { to: Address; data: Hex } | undefined {
  if (row.kind === 'pass') {
    const tier = Number(row.itemId);
    if (!row.recipient || !(tier >= 1 && tier <= 3)) return undefined;
    const args = [row.recipient as Address, tier] as const;
    return { to: loungePass, data: encodeFunctionData({ abi: loungePassAbi, functionName: 'mint', args }) };
  }
  const match = /^(\d{1,78}):([123])$/.exec(row.itemId);
  if (!match?.[1] || !match[2]) return undefined;
  const args = [BigInt(match[1]), Number(match[2])] as const;
  return { to: loungePass, data: encodeFunctionData({ abi: loungePassAbi, functionName: 'setTier', args }) };
}

/** Refusals no row causes (paused, the minter lost its role): the row waits in the queue. */
const WAIT = new Set(['EnforcedPause', 'AccessControlUnauthorizedAccount']);

/**
 * Prepares the oldest pass row alone (a mint carries no claim id: it must never ride with another row that could
 * make the transaction revert and be retried): simulated, with its gas; a refusal the row causes fails it.
 */
export async function preparePassRow<R extends PassRow>(
  client: PublicClient,
  from: Address,
  rows: R[],
  loungePass: Address | undefined,
): Promise<
  | { rows: R[]; call: { to: Address; data: Hex }; gas: bigint; pruned: [] }
  | { paused: string; pruned: { row: R; outcome: 'failed'; cause: string }[] }
> {
  const row = rows[0];
  if (!row) return { paused: 'empty', pruned: [] };
  if (!loungePass) return { paused: 'noLoungePass', pruned: [] };
  const call = passCall(row, loungePass);
  if (!call) return { paused: 'empty', pruned: [{ row, outcome: 'failed', cause: 'invalidPassRow' }] };
  try {
    const gas = await client.estimateGas({ account: from, ...call });
    return { rows: [row], call, gas, pruned: [] };
  } catch (error) {
    const name = revertName(error);
    if (!name) throw error;
    if (WAIT.has(name)) return { paused: name, pruned: [] };
    return { paused: 'empty', pruned: [{ row, outcome: 'failed', cause: name }] };
  }
}

function revertName(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName ?? 'unknown';
  const data = (
    error.walk((cause) => typeof (cause as { data?: unknown }).data === 'string') as { data?: Hex }
  )?.data;
  if (!data?.startsWith('0x') || data.length < 10) return undefined;
  try {
    return decodeErrorResult({ abi: loungePassAbi, data }).errorName;
  } catch {
    return 'unknown';
  }
}
