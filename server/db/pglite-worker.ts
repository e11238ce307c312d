import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type LedgerReply, type LedgerRequest, toWire } from './pglite-messages.ts';

// The thread that owns the embedded PGlite ledger, so its WASM never runs on the rooms' event loop. PGlite queues a
// plain query behind an open transaction itself, so requests are forwarded as they come.

const port = parentPort;
if (!port) throw new Error('Layover: pglite-worker.ts runs as a worker thread');
yieldToRooms();
const { dir } = workerData as { dir: string };
const db = await PGlite.create(dir);
const open = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();
let nextTx = 1;

const identity = (value: unknown) => value;

function parsersFor(oids: number[]): Record<number, (value: string) => unknown> {
  return Object.fromEntries(oids.map((oid) => [oid, identity]));
}

function target(tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return db;
  const entry = open.get(tx);
  if (!entry) throw new Error(`Layover: ledger transaction ${tx} is not open`);
  return entry.tx;
}

/** Opens a transaction that stays open until the main thread sends commit or rollback for it. */
function begin(): Promise<number> {
  const id = nextTx++;
  return new Promise((resolve, reject) => {
    let started = false;
    db.transaction(
      (tx) =>
        new Promise<void>((done, abort) => {
          started = true;
          open.set(id, { tx, finish: (commit) => (commit ? done() : abort(new Error('rollback'))) });
          resolve(id);
        }),
    ).then(
      () => settle(id, undefined),
      (error: unknown) => (started ? settle(id, error) : reject(error)),
    );
  });
}

const endings = new Map<number, (error: unknown) => void>();

function settle(tx: number, error: unknown): void {
  open.delete(tx);
  endings.get(tx)?.(error);
  endings.delete(tx);
}

function end(tx: number, commit: boolean): Promise<void> {
  const entry = open.get(tx);
  if (!entry) return Promise.reject(new Error(`Layover: ledger transaction ${tx} is not open`));
  return new Promise((resolve, reject) => {
    endings.set(tx, (error) => (error && commit ? reject(error) : resolve()));
    entry.finish(commit);
  });
}

async function handle(request: LedgerRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const options = { rowMode: request.rowMode, parsers: parsersFor(request.raw) };
      return target(request.tx).query(request.sql, request.params, options);
    }
    case 'exec':
      return target(request.tx).exec(request.sql);
    case 'begin':
      return begin();
    case 'commit':
      return end(request.tx, true);
    case 'rollback':
      return end(request.tx, false);
    case 'close':
      // The main thread ends this thread once it has the answer.
      await db.close();
      return undefined;
  }
}

port.on('message', (request: LedgerRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies LedgerReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies LedgerReply),
  );
});
port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies LedgerReply);

/**
 * The ledger yields the core to the rooms: on Linux this thread (alone: `setpriority` on a thread id) runs at nice
 * LEDGER_NICE, so a room tick that wakes while a long ledger statement runs on the same core preempts it instead of
 * waiting out its time slice. Elsewhere, or where it is refused, the thread keeps the process' priority.
 */
function yieldToRooms(): void {
  const LEDGER_NICE = 10;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, LEDGER_NICE);
  } catch {
    // Not Linux (no /proc/thread-self), or not allowed: nothing to do.
  }
}
