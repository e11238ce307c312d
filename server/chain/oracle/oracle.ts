import {
  type Address,
  BaseError,
  type Hex,
  HttpRequestError,
  keccak256,
  type PublicClient,
  parseTransaction,
  RpcRequestError,
  TimeoutError,
  TransactionReceiptNotFoundError,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { OracleSettings } from '../../config.ts';
import type { AppLogger } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { claimPrefix } from '../../prizes/claims.ts';
import { isCustodyTransfer } from '../../prizes/custody.ts';
import { type OracleContracts, prepareBatch, type TokenContent, tokenBook } from './calls.ts';
import {
  attemptsWithNonce,
  carriedBy,
  type MintAttempt,
  minedAttempts,
  nextQueued,
  type OutboxRow,
  openAttempts,
  recordAttempt,
  recordReplacement,
  releaseCustody,
  repairOrphans,
  setAttemptStatus,
  setRows,
} from './ledger.ts';
import type { OracleMetrics } from './metrics.ts';
import { prizeWaitList } from './waiting-prizes.ts';

export interface OracleParameters {
  db: Db;
  client: PublicClient;
  minterKey: Hex;
  contracts: OracleContracts;
  /** The published content (ctx.content.current): token ids of prizes and stamps a publish added. */
  content: () => TokenContent;
  /**
   * Reloads the published content (ctx.content.refresh): a row naming a prize this process has not heard of yet (won
   * in another process right after a publish, before this one's swap) is checked against the ledger's latest version
   * before it is refused as unknownItem.
   */
  refreshContent?: () => Promise<void>;
  settings: OracleSettings;
  metrics: OracleMetrics;
  /** Rows whose delivery state changed, to tell their members. */
  notify: (rows: OutboxRow[]) => void;
  /** Lines carry `component: 'oracle'` (the service's child logger). */
  logger: AppLogger;
}

/** How many times a row may ride in a reverted transaction before it is failed for staff to look at. */
const MAX_TRIES = 5;
/** A sent transaction not seen by the node is broadcast again this often. */
const REBROADCAST_MS = 2_000;
const BACKOFF_MAX_MS = 10_000;

/**
 * Drains the outbox into batched mints, one nonce in flight at a time. Every transaction is signed and written to
 * the ledger before it is broadcast, and a nonce is only ever re-sent with the same calls, so a crash, a failed
 * send or a reorg can delay a mint but never double it; the contracts' claim ids are the second guard.
 */
export class PrizeOracle {
  private readonly account;
  private readonly tokens = tokenBook();
  private readonly waitingPrizes;
  private readonly broadcastAt = new Map<string, number>();
  private wakeUp: (() => void) | undefined;
  private backoffMs = 0;
  private chainId: number | undefined;

  constructor(private readonly p: OracleParameters) {
    this.account = privateKeyToAccount(p.minterKey);
    this.waitingPrizes = prizeWaitList({
      db: p.db,
      client: p.client,
      prizes: p.contracts.Prizes,
      tokenOf: this.tokens.tokenOf,
    });
  }

  get address(): Address {
    return this.account.address;
  }

  /** Runs until `signal` aborts; each pass settles open transactions, confirms mined ones, then sends a batch. */
  async run(signal: AbortSignal): Promise<void> {
    const repaired = await repairOrphans(this.p.db).catch(() => 0);
    if (repaired > 0)
      this.p.logger.warn({ repaired }, 'repaired outbox rows left behind by an earlier process');
    while (!signal.aborted) {
      let busy = false;
      try {
        busy = await this.step();
        this.backoffMs = 0;
      } catch (error) {
        this.p.metrics.failed(causeOf(error));
        this.backoffMs = Math.min(BACKOFF_MAX_MS, Math.max(this.p.settings.pollMs, this.backoffMs * 2));
        this.p.logger.warn(
          { cause: causeOf(error), retryMs: this.backoffMs },
          `${shortMessage(error)}; retrying in ~${this.backoffMs} ms`,
        );
      }
      if (signal.aborted) break;
      const wait =
        this.backoffMs > 0 ? this.backoffMs * (0.5 + Math.random() / 2) : busy ? 0 : this.p.settings.pollMs;
      await this.idle(wait, signal);
    }
  }

  /** Ends the current wait early (new rows were queued or released). */
  wake(): void {
    this.wakeUp?.();
  }

  /** One pass; true when it changed something and another pass should follow at once. */
  async step(): Promise<boolean> {
    const open = await openAttempts(this.p.db);
    if (open.length > 0) {
      const settled = await this.settle(open);
      await this.confirm();
      return settled;
    }
    const confirmed = await this.confirm();
    const released = await releaseCustody(this.p.db);
    if (released.length > 0) this.p.notify(released);
    return (await this.sendBatch()) || confirmed;
  }

  private async sendBatch(): Promise<boolean> {
    const { db, client, contracts, settings } = this.p;
    this.tokens.learn(this.p.content());
    let { waiting, newlyWaiting } = await this.waitingPrizes();
    let queued = await nextQueued(db, settings.batchSize, waiting);
    if (queued.length === 0) return false;
    // A prize won in another process right after a publish this one has not swapped to yet: reload before refusing.
    if (
      this.p.refreshContent &&
      queued.some((row) => row.recipient && this.tokens.tokenOf(row) === undefined)
    ) {
      await this.p
        .refreshContent()
        .catch((err: unknown) => this.p.logger.warn({ err }, 'content not reloaded before an unknown item'));
      this.tokens.learn(this.p.content());
      ({ waiting, newlyWaiting } = await this.waitingPrizes());
      queued = await nextQueued(db, settings.batchSize, waiting);
      if (queued.length === 0) return false;
    }
    if (newlyWaiting > 0)
      this.p.logger.warn(
        { prizes: waiting, rows: newlyWaiting },
        `prize ${waiting.join(', ')} is not on chain yet: its rows wait for addPrize`,
      );
    const prefix = await claimPrefix(db);
    const prepared = await prepareBatch(client, this.address, queued, prefix, contracts, this.tokens.tokenOf);
    await this.applyPruned(prepared.pruned);
    if ('paused' in prepared) {
      if (prepared.paused !== 'empty') {
        this.p.metrics.failed(prepared.paused);
        this.backoffMs = BACKOFF_MAX_MS;
      }
      return prepared.pruned.length > 0;
    }
    this.chainId ??= await client.getChainId();
    const chainId = this.chainId;
    const [nonce, fees] = await Promise.all([
      client.getTransactionCount({ address: this.address, blockTag: 'pending' }),
      client.estimateFeesPerGas(),
    ]);
    const maxFeePerGas = min(fees.maxFeePerGas, settings.maxFeePerGas);
    const raw = await this.account.signTransaction({
      type: 'eip1559',
      chainId,
      nonce,
      to: prepared.call.to,
      data: prepared.call.data,
      gas: (prepared.gas * 6n) / 5n,
      maxFeePerGas,
      maxPriorityFeePerGas: min(fees.maxPriorityFeePerGas, maxFeePerGas),
    });
    const first = prepared.rows[0];
    const attempt = await recordAttempt(db, {
      kind: first && isCustodyTransfer(first) ? 'transfer' : (first?.kind ?? 'prize'),
      nonce,
      txHash: keccak256(raw),
      rawTx: raw,
      maxFeePerGas: maxFeePerGas.toString(),
      outboxIds: prepared.rows.map((row) => row.id),
    });
    this.p.metrics.sent();
    this.p.notify(prepared.rows.map((row) => ({ ...row, status: 'sent', txHash: attempt.txHash })));
    await this.broadcast(attempt);
    return true;
  }

  /** Resolves the lowest open nonce: mined, reverted, taken by another transaction, or still waiting. */
  private async settle(open: MintAttempt[]): Promise<boolean> {
    const { db, client } = this.p;
    const nonce = open[0]?.nonce ?? 0;
    const group = open.filter((attempt) => attempt.nonce === nonce);
    // Any attempt ever signed for this nonce may be the one mined (a replacement a reorg brought back included).
    const everSigned = await attemptsWithNonce(db, nonce);
    let found = await this.findReceipt(everSigned);
    if (!found) {
      const used = await client.getTransactionCount({ address: this.address, blockTag: 'latest' });
      if (used <= nonce) return this.keepAlive(group);
      found = await this.findReceipt(await attemptsWithNonce(db, nonce));
      if (!found) {
        // The nonce went to a transaction we never signed for these rows: none of ours can mine any more.
        const rows = await db.transaction(async (tx) => {
          for (const attempt of group) await setAttemptStatus(tx, attempt.id, 'dropped');
          return this.giveBack(tx, carriedBy(group), 'nonce taken by another transaction', group[0]?.kind);
        });
        this.p.metrics.failed('nonceTaken');
        this.p.notify(rows);
        return true;
      }
    }
    const { attempt, receipt } = found;
    const blockNumber = Number(receipt.blockNumber);
    if (receipt.status === 'success') {
      // With one confirmation the receipt itself is enough: deliver now instead of on the next pass.
      const final = this.p.settings.confirmations <= 1;
      const rows = await db.transaction(async (tx) => {
        for (const other of everSigned)
          if (other.id !== attempt.id && other.status !== 'dropped')
            await setAttemptStatus(tx, other.id, 'dropped');
        await setAttemptStatus(tx, attempt.id, final ? 'confirmed' : 'mined', { blockNumber });
        return setRows(tx, attempt.outboxIds, final ? 'delivered' : 'mined', {
          txHash: attempt.txHash,
          blockNumber,
          attemptId: attempt.id,
          ...(final ? { deliveredAt: new Date() } : {}),
        });
      });
      if (final) {
        this.p.metrics.delivered(attempt.kind, rows);
        this.p.notify(rows);
      }
      return true;
    }
    this.p.metrics.failed('reverted');
    const rows = await db.transaction(async (tx) => {
      for (const other of everSigned)
        if (other.id !== attempt.id && other.status !== 'dropped')
          await setAttemptStatus(tx, other.id, 'dropped');
      await setAttemptStatus(tx, attempt.id, 'reverted', { blockNumber });
      return this.giveBack(tx, attempt.outboxIds, `reverted on chain (tx ${attempt.txHash})`, attempt.kind);
    });
    this.p.notify(rows);
    return true;
  }

  /**
   * Rows whose transaction can no longer mine: mints go back to the queue (their claim ids make a retry safe) until
   * they have had MAX_TRIES; custody transfers, which the chain cannot deduplicate, wait for staff instead.
   */
  private async giveBack(tx: Db, ids: readonly number[], cause: string, kind: string | undefined) {
    if (kind === 'transfer')
      return setRows(tx, ids, 'failed', { lastError: `${cause}; check before retrying` });
    const rows = await setRows(tx, ids, 'queued', { attemptId: null, txHash: null, lastError: cause });
    const exhausted = rows.filter((row) => row.tries >= MAX_TRIES).map((row) => row.id);
    const failed = await setRows(tx, exhausted, 'failed', { lastError: cause });
    return [...rows.filter((row) => !exhausted.includes(row.id)), ...failed];
  }

  /** Broadcasts the newest attempt again now and then; replaces it with a higher fee once it is stuck. */
  private async keepAlive(group: MintAttempt[]): Promise<boolean> {
    const newest = group[0];
    if (!newest) return false;
    const { settings } = this.p;
    if (Date.now() - newest.createdAt.getTime() > settings.stuckMs) {
      const previous = parseTransaction(newest.rawTx as Hex);
      const paid = BigInt(newest.maxFeePerGas);
      const bumped = min((paid * 9n) / 8n + 1n, settings.maxFeePerGas);
      // Nodes refuse a replacement less than 10% dearer; below that, keep the one already out there.
      if (bumped * 10n >= paid * 11n && previous.to && previous.data && previous.gas) {
        const tip = previous.maxPriorityFeePerGas ?? 0n;
        const raw = await this.account.signTransaction({
          type: 'eip1559',
          chainId: previous.chainId ?? (await this.p.client.getChainId()),
          nonce: newest.nonce,
          to: previous.to,
          data: previous.data,
          gas: previous.gas,
          maxFeePerGas: bumped,
          maxPriorityFeePerGas: min((tip * 9n) / 8n + 1n, bumped),
        });
        const replacement = await recordReplacement(this.p.db, newest, {
          txHash: keccak256(raw),
          rawTx: raw,
          maxFeePerGas: bumped.toString(),
        });
        this.p.metrics.sent(true);
        this.p.logger.warn(
          { nonce: newest.nonce, txHash: newest.txHash, replacement: replacement.txHash },
          'transaction stuck; replaced with a higher fee',
        );
        await this.broadcast(replacement);
        return true;
      }
    }
    const last = this.broadcastAt.get(newest.txHash) ?? 0;
    if (newest.status === 'signed' || Date.now() - last > REBROADCAST_MS) await this.broadcast(newest);
    return false;
  }

  /** Marks mined attempts confirmed once deep enough; reopens any whose receipt a reorg took away. */
  private async confirm(): Promise<boolean> {
    const { db, client, settings } = this.p;
    const mined = await minedAttempts(db);
    if (mined.length === 0) return false;
    const head = Number(await client.getBlockNumber({ cacheTime: 0 }));
    let changed = false;
    for (const attempt of mined) {
      if ((attempt.blockNumber ?? head) + settings.confirmations - 1 > head) continue;
      const receipt = await client
        .getTransactionReceipt({ hash: attempt.txHash as Hex })
        .catch((error: unknown) =>
          error instanceof TransactionReceiptNotFoundError ? null : Promise.reject(error),
        );
      changed = true;
      if (receipt?.status !== 'success') {
        this.p.logger.warn(
          { txHash: attempt.txHash },
          'transaction left the chain (reorg); sending it again',
        );
        this.p.metrics.failed('reorg');
        await db.transaction(async (tx) => {
          await setAttemptStatus(tx, attempt.id, 'sent', { blockNumber: null });
          await setRows(tx, attempt.outboxIds, 'sent', { blockNumber: null });
        });
        continue;
      }
      if (Number(receipt.blockNumber) !== attempt.blockNumber) {
        await setAttemptStatus(db, attempt.id, 'mined', { blockNumber: Number(receipt.blockNumber) });
        continue;
      }
      const rows = await db.transaction(async (tx) => {
        await setAttemptStatus(tx, attempt.id, 'confirmed');
        return setRows(tx, attempt.outboxIds, 'delivered', { deliveredAt: new Date() });
      });
      this.p.metrics.delivered(attempt.kind, rows);
      this.p.notify(rows);
    }
    return changed;
  }

  private async applyPruned(pruned: Awaited<ReturnType<typeof prepareBatch>>['pruned']): Promise<void> {
    for (const { row, outcome, cause } of pruned) {
      this.p.metrics.failed(cause);
      const rows =
        outcome === 'alreadyClaimed'
          ? await setRows(this.p.db, [row.id], 'delivered', {
              deliveredAt: new Date(),
              lastError: 'claim id already minted on chain',
            })
          : await setRows(this.p.db, [row.id], 'failed', { lastError: cause });
      this.p.logger.warn(
        { kind: row.kind, itemId: row.itemId, outboxId: row.id, memberId: row.memberId, outcome, cause },
        `${row.kind} ${row.itemId} ${outcome}: ${cause}`,
      );
      this.p.notify(rows);
    }
  }

  private async findReceipt(group: MintAttempt[]) {
    for (const attempt of group) {
      const receipt = await this.p.client
        .getTransactionReceipt({ hash: attempt.txHash as Hex })
        .catch((error: unknown) =>
          error instanceof TransactionReceiptNotFoundError ? null : Promise.reject(error),
        );
      if (receipt) return { attempt, receipt };
    }
    return undefined;
  }

  private async broadcast(attempt: MintAttempt): Promise<void> {
    this.broadcastAt.set(attempt.txHash, Date.now());
    try {
      await this.p.client.sendRawTransaction({ serializedTransaction: attempt.rawTx as Hex });
    } catch (error) {
      // The node already has it (or has mined its nonce): the receipt check settles it.
      if (
        !/already known|nonce too low|known transaction|replacement transaction underpriced/i.test(
          String(error),
        )
      )
        throw error;
    }
    if (attempt.status === 'signed') await setAttemptStatus(this.p.db, attempt.id, 'sent');
  }

  private idle(ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** A short label for /metrics: the node could not be reached, the node refused, or the error's own name. */
function causeOf(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError))
      return 'rpcUnavailable';
    if (error.walk((cause) => cause instanceof RpcRequestError)) return 'rpcError';
  }
  return (error as { name?: string })?.name ?? 'Error';
}

function shortMessage(error: unknown): string {
  return ((error as { shortMessage?: string })?.shortMessage ?? String(error)).split('\n')[0] ?? '';
}
