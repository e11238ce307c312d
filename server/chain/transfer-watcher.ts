import { type AbiEvent, type Address, erc721Abi, erc1155Abi, type Log, type PublicClient } from 'viem';
import { logRanges } from './log-ranges.ts';
import type { OwnershipReader, TokenMovement } from './ownership.ts';

/** How often the watcher polls for new Transfer logs (anvil has no push subscription over HTTP). */
export const TRANSFER_POLL_MS = 1_000;

type Listener = (addresses: ReadonlySet<string>) => void;

/** In-process fan-out of "these addresses' holdings changed" to gated rooms; each process runs its own watcher. */
export class HoldingsChanges {
  private readonly listeners = new Set<Listener>();

  /** Subscribes; returns the unsubscribe function. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(addresses: ReadonlySet<string>): void {
    if (addresses.size === 0) return;
    for (const listener of this.listeners) listener(addresses);
  }
}

const transferEvents = [
  ...erc721Abi.filter((item) => item.type === 'event' && item.name === 'Transfer'),
  ...erc1155Abi.filter(
    (item) => item.type === 'event' && (item.name === 'TransferSingle' || item.name === 'TransferBatch'),
  ),
] as readonly AbiEvent[];

type AnyTransferLog = Log & {
  args: { from?: Address; to?: Address; tokenId?: bigint; id?: bigint };
  eventName?: string;
};

export type StartTransferWatcherParameters = {
  client: PublicClient;
  reader: OwnershipReader;
  /** Contracts gates read; their Transfer logs invalidate the cache. */
  contracts: Address[];
  fromBlock: bigint;
  changes: HoldingsChanges;
  pollingIntervalMs?: number;
  /** Most blocks one getLogs spans (CHAIN_LOG_RANGE): a watcher that fell behind catches up in pieces. */
  logRange?: bigint;
  onError?: (error: Error) => void;
};

/**
 * Watches Transfer logs of gate contracts, updates the reader's index and cache, and tells rooms who changed. It polls
 * getLogs itself (no node-side filters, which many public RPCs lack) and never asks for more than `logRange` blocks.
 */
export function startTransferWatcher(params: StartTransferWatcherParameters): { stop: () => void } {
  if (params.contracts.length === 0) return { stop: () => {} };
  let next = params.fromBlock;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    try {
      const head = await params.client.getBlockNumber({ cacheTime: 0 });
      for (const range of logRanges(next, head, params.logRange)) {
        if (stopped) return;
        const logs = await params.client.getLogs({
          address: params.contracts,
          events: transferEvents,
          strict: false,
          ...range,
        });
        const movements = (logs as unknown as AnyTransferLog[])
          .map(toMovement)
          .filter((m) => m !== undefined);
        params.changes.emit(params.reader.apply(movements));
        next = range.toBlock + 1n;
      }
    } catch (error) {
      params.onError?.(error as Error);
    }
    if (!stopped) timer = setTimeout(poll, params.pollingIntervalMs ?? TRANSFER_POLL_MS);
  };
  timer = setTimeout(poll, 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function toMovement(log: AnyTransferLog): TokenMovement | undefined {
  const { from, to } = log.args;
  if (!from || !to || log.blockNumber === null || log.logIndex === null) return undefined;
  const tokenId = log.eventName === 'Transfer' ? log.args.tokenId : undefined;
  return {
    contract: log.address,
    from,
    to,
    ...(tokenId !== undefined ? { tokenId } : {}),
    blockNumber: log.blockNumber,
    logIndex: log.logIndex,
  };
}
