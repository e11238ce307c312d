import pg from 'pg';
import type { Address, Hex, LocalAccount } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { AppContext } from '../../context.ts';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.ts';
import { Relayer } from './relayer.ts';

/** The PostgreSQL advisory lock key that makes one process the relayer (its nonces are its own). */
const RELAYER_LOCK = ADVISORY_LOCKS.relayer;
const POLL_MS = 200;
const BACKOFF_MAX_MS = 5_000;

/** The running relayer of this process, as routes need it (ctx.relay). */
export interface RelayService {
  /** The RELAYER key's address (pays the gas). */
  relayer: Address;
  /** The custody key (the minter's): signs for members whose prizes it holds; undefined when it is not ours. */
  custody: LocalAccount | undefined;
  forwarder: Address;
  /** Ends the worker's idle wait: an action was just recorded. */
  wake: () => void;
  stop: () => Promise<void>;
}

/**
 * Starts the relayer: takes the relayer lock (one process per ledger), then sends and settles relayed actions
 * until stopped. With RELAY=off nothing is sent (actions stay recorded, picked up by the next process that sends).
 */
export function startRelayService(ctx: AppContext, keys: { relayerKey: Hex; custodyKey: Hex }): RelayService {
  const account = privateKeyToAccount(keys.relayerKey);
  const custodyAccount = privateKeyToAccount(keys.custodyKey);
  const custodyAddress = ctx.custodyAddress ?? custodyAccount.address.toLowerCase();
  const custody = custodyAddress === custodyAccount.address.toLowerCase() ? custodyAccount : undefined;
  const forwarder = ctx.chain.contracts.Forwarder as Address;
  const logger = ctx.logger.child({ component: 'relayer' });
  const relayer = new Relayer({
    db: ctx.ledger.db,
    client: ctx.chain.publicClient,
    account,
    custody,
    forwarder,
    logger,
    now: () => ctx.clock.now(),
  });
  const stopping = new AbortController();
  let wakeUp: (() => void) | undefined;
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  const running = (async () => {
    if (!ctx.config.relay.enabled || !forwarder) return;
    const lock = await takeLock(ctx.config.databaseUrl, stopping.signal);
    let backoff = 0;
    while (!stopping.signal.aborted) {
      let busy = false;
      try {
        busy = await relayer.step();
        backoff = 0;
      } catch (err) {
        backoff = Math.min(BACKOFF_MAX_MS, Math.max(POLL_MS, backoff * 2));
        logger.warn({ err, retryMs: backoff }, 'relayer pass failed; retrying');
      }
      if (stopping.signal.aborted) break;
      await idle(backoff || (busy ? 0 : POLL_MS));
    }
    await lock?.end().catch(() => {});
  })();
  return {
    relayer: account.address,
    custody,
    forwarder,
    wake: () => wakeUp?.(),
    stop: async () => {
      stopping.abort();
      wakeUp?.();
      await running;
    },
  };
}

/** On PostgreSQL, waits for the relayer lock on a connection of its own; PGlite has one process, so no lock. */
async function takeLock(
  databaseUrl: string | undefined,
  signal: AbortSignal,
): Promise<pg.Client | undefined> {
  if (!databaseUrl) return undefined;
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
  await client.connect();
  while (!signal.aborted) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      RELAYER_LOCK,
    ]);
    if (rows[0]?.locked) return client;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return client;
}
