import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  keccak256,
  type LocalAccount,
  type PrivateKeyAccount,
  type PublicClient,
  TransactionReceiptNotFoundError,
} from 'viem';
import { layoverForwarderAbi } from '../../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../../contracts/abi/Prizes.ts';
import type { AppLogger } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { relayedActions } from '../../db/relay-schema.ts';
import { settleEffects } from '../../relay/effects.ts';
import { buildRequest, executeData, forwarderDomain, signRequest } from './forward.ts';

export type RelayedRow = typeof relayedActions.$inferSelect;

const REBROADCAST_MS = 2_000;

/**
 * Sends recorded relayed actions through the forwarder with the RELAYER key and settles them by receipt. A row is
 * signed and its raw transaction written BEFORE broadcast; a restart re-sends exactly that transaction or finds its
 * receipt by hash; a row whose relayer nonce went elsewhere is signed again, which is harmless: the forwarder's own
 * nonce for the member lets the request execute once at most.
 */
export class Relayer {
  private readonly broadcastAt = new Map<string, number>();
  private chainId: number | undefined;

  constructor(
    private readonly p: {
      db: Db;
      client: PublicClient;
      account: PrivateKeyAccount;
      /** The custody key: signs requests for members whose prizes it holds (one in flight at a time). */
      custody: LocalAccount | undefined;
      forwarder: Address;
      logger: AppLogger;
      now: () => number;
    },
  ) {}

  get address(): Address {
    return this.p.account.address;
  }

  /** One pass: settle what was sent, then sign and send what is queued. True when anything changed. */
  async step(): Promise<boolean> {
    const settled = await this.settle();
    const sent = await this.sendQueued();
    return settled || sent;
  }

  private async settle(): Promise<boolean> {
    const { db, client } = this.p;
    const open = await db
      .select()
      .from(relayedActions)
      .where(eq(relayedActions.status, 'sent'))
      .orderBy(asc(relayedActions.relayerNonce));
    if (open.length === 0) return false;
    let changed = false;
    // The nonce count first, then the receipts: a transaction mined in between shows its receipt, so a missing
    // receipt with the nonce used really means another transaction took it.
    const used = await client.getTransactionCount({ address: this.address, blockTag: 'latest' });
    const receipts = await Promise.all(
      open.map((row) =>
        client
          .getTransactionReceipt({ hash: row.txHash as Hex })
          .catch((error: unknown) =>
            error instanceof TransactionReceiptNotFoundError ? null : Promise.reject(error),
          ),
      ),
    );
    for (const [i, row] of open.entries()) {
      const receipt = receipts[i];
      if (receipt) {
        const ok = receipt.status === 'success';
        await this.finish(row, ok ? 'confirmed' : 'failed', {
          blockNumber: Number(receipt.blockNumber),
          error: ok ? null : 'relayFailed',
        });
        changed = true;
        continue;
      }
      if (row.relayerNonce !== null && used > row.relayerNonce) {
        // Another transaction took this nonce: sign the request again (its forwarder nonce keeps it once).
        await this.resign(row);
        changed = true;
        continue;
      }
      const last = this.broadcastAt.get(row.txHash ?? '') ?? 0;
      if (Date.now() - last > REBROADCAST_MS) await this.broadcast(row);
    }
    return changed;
  }

  private async sendQueued(): Promise<boolean> {
    const { db, client } = this.p;
    const queued = await db
      .select()
      .from(relayedActions)
      .where(and(eq(relayedActions.status, 'queued'), inArray(relayedActions.place, ['wallet', 'custody'])))
      .orderBy(asc(relayedActions.id))
      .limit(200);
    if (queued.length === 0) return false;
    this.chainId ??= await client.getChainId();
    const ready = await this.signCustody(queued);
    if (ready.length === 0) return false;
    // Past every transaction written but maybe not broadcast yet, so no two of ours ever share a nonce.
    const [written] = await db
      .select({ top: sql<number | null>`max(${relayedActions.relayerNonce})` })
      .from(relayedActions)
      .where(eq(relayedActions.status, 'sent'));
    const pending = await client.getTransactionCount({ address: this.address, blockTag: 'pending' });
    let nonce = Math.max(
      pending,
      written?.top === null || written?.top === undefined ? 0 : Number(written.top) + 1,
    );
    const fees = await client.estimateFeesPerGas();
    const to = this.p.forwarder;
    // Dry runs at once; then sign in id order, write every signed transaction, and only then broadcast.
    const planned = await Promise.all(
      ready.map(async (row) => {
        const data = executeData(row.request as NonNullable<RelayedRow['request']>, row.signature as Hex);
        try {
          return { row, data, gas: await client.estimateGas({ account: this.address, to, data }) };
        } catch (error) {
          const code = refusalOf(error);
          if (!code) throw error;
          if (row.place === 'custody' && code === 'replay') await this.resign(row);
          else await this.finish(row, 'failed', { error: code });
          return undefined;
        }
      }),
    );
    const signed: { id: number; raw: Hex; nonce: number }[] = [];
    for (const plan of planned) {
      if (!plan) continue;
      const raw = await this.p.account.signTransaction({
        type: 'eip1559',
        chainId: this.chainId,
        nonce,
        to,
        data: plan.data,
        gas: (plan.gas * 6n) / 5n,
        maxFeePerGas: fees.maxFeePerGas,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
      });
      signed.push({ id: plan.row.id, raw, nonce });
      nonce += 1;
    }
    const recorded = await db.transaction(async (tx) => {
      const rows: RelayedRow[] = [];
      for (const { id, raw, nonce: used } of signed) {
        const [row] = await tx
          .update(relayedActions)
          .set({
            status: 'sent',
            rawTx: raw,
            txHash: keccak256(raw),
            relayerNonce: used,
            updatedAt: new Date(),
          })
          .where(and(eq(relayedActions.id, id), eq(relayedActions.status, 'queued')))
          .returning();
        // A row that left the queue meanwhile leaves a nonce gap: its later siblings wait and are signed again.
        if (!row) break;
        rows.push(row);
      }
      return rows;
    });
    for (const row of recorded) await this.broadcast(row);
    return true;
  }

  /**
   * Rows ready to send: member-signed ones as they are, and at most one custody row, signed now with the custody
   * key's current forwarder nonce, and only when no other custody request is in flight (its nonces run in order).
   */
  private async signCustody(queued: RelayedRow[]): Promise<RelayedRow[]> {
    const ready = queued.filter((row) => row.place === 'wallet' || row.signature);
    const next = queued.find((row) => row.place === 'custody' && !row.signature);
    const { custody } = this.p;
    if (!next?.request || !custody || ready.some((row) => row.place === 'custody')) return ready;
    const inFlight = await this.p.db
      .select({ id: relayedActions.id })
      .from(relayedActions)
      .where(and(eq(relayedActions.status, 'sent'), eq(relayedActions.place, 'custody')))
      .limit(1);
    if (inFlight.length > 0) return ready;
    const domain = forwarderDomain(this.chainId ?? (await this.p.client.getChainId()), this.p.forwarder);
    const request = await buildRequest(this.p.client, this.p.forwarder, {
      from: custody.address,
      to: next.request.to as Address,
      data: next.request.data as Hex,
      nowMs: this.p.now(),
    });
    const signature = await signRequest(custody, domain, request);
    const [signed] = await this.p.db
      .update(relayedActions)
      .set({ request, signature, updatedAt: new Date() })
      .where(and(eq(relayedActions.id, next.id), eq(relayedActions.status, 'queued')))
      .returning();
    return signed ? [...ready, signed] : ready;
  }

  /** Back to the queue unsigned by the relayer (custody requests unsigned too, to take a fresh forwarder nonce). */
  private async resign(row: RelayedRow): Promise<void> {
    await this.p.db
      .update(relayedActions)
      .set({
        status: 'queued',
        rawTx: null,
        txHash: null,
        relayerNonce: null,
        ...(row.place === 'custody' ? { signature: null } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(relayedActions.id, row.id), inArray(relayedActions.status, ['queued', 'sent'])));
  }

  private async finish(
    row: RelayedRow,
    status: 'confirmed' | 'failed',
    fields: { blockNumber?: number; error: string | null },
  ): Promise<void> {
    await this.p.db.transaction(async (tx) => {
      const [done] = await tx
        .update(relayedActions)
        .set({ status, ...fields, updatedAt: new Date() })
        .where(and(eq(relayedActions.id, row.id), inArray(relayedActions.status, ['queued', 'sent'])))
        .returning();
      if (done) await settleEffects(tx, done);
    });
    if (status === 'failed')
      this.p.logger.warn({ relayedAction: row.id, error: fields.error }, 'relayed action failed');
  }

  private async broadcast(row: RelayedRow): Promise<void> {
    if (!row.rawTx || !row.txHash) return;
    this.broadcastAt.set(row.txHash, Date.now());
    try {
      await this.p.client.sendRawTransaction({ serializedTransaction: row.rawTx as Hex });
    } catch (error) {
      if (
        !/already known|nonce too low|known transaction|replacement transaction underpriced/i.test(
          String(error),
        )
      )
        throw error;
    }
  }
}

/** The code a member reads for a request the chain refuses; undefined for an RPC failure (tried again). */
export function refusalOf(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const revert = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  let name = revert instanceof ContractFunctionRevertedError ? revert.data?.errorName : undefined;
  if (!name) {
    const data = (
      error.walk((cause) => typeof (cause as { data?: unknown }).data === 'string') as
        | { data?: Hex }
        | undefined
    )?.data;
    if (data && data.length >= 10) {
      for (const abi of [layoverForwarderAbi, prizesAbi]) {
        try {
          name = decodeErrorResult({ abi, data }).errorName;
          break;
        } catch {}
      }
    }
  }
  if (!name && !/revert/i.test(error.message)) return undefined;
  return REFUSALS[name ?? ''] ?? 'relayFailed';
}

const REFUSALS: Record<string, string> = {
  ERC2771ForwarderExpiredRequest: 'expired',
  ERC2771ForwarderInvalidSigner: 'replay',
  ERC1155InsufficientBalance: 'notHeld',
  ERC1155InvalidReceiver: 'receiverRefuses',
  ERC1155MissingApprovalForAll: 'notYourToken',
  PrizesSoulbound: 'soulbound',
};
