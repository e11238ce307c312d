// Starts test/bench/partners/server-entry.ts as its own process (pinned to one core when asked) and talks to it over
// IPC: the bench process stays the load generator only.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const ENTRY = 'test/bench/partners/server-entry.ts';

export type PartnerServerRequest =
  | { cmd: 'members'; count: number }
  | { cmd: 'mark' }
  | { cmd: 'sample' }
  | { cmd: 'check'; partnerId: string }
  | { cmd: 'stop' };

/** What the server process measured since the last `mark`. */
export interface PartnerServerSample {
  wallMs: number;
  /** User + system CPU of the server process (all its threads), ms. */
  cpuMs: number;
  /** Event-loop delay beyond the 10 ms sampling timer, ms. */
  lagP99Ms: number;
  /** Ledger statements in the window by verb (select, insert, update, delete, other; PGlite: transaction too). */
  queries: Record<string, number>;
}

/** What the ledger holds after a run: the bench's own consistency check. */
export interface PartnerLedgerCheck {
  credited: number;
  unmatched: number;
  /** Movements keyed `partner:` and their member-side points. */
  movements: number;
  memberPoints: number;
  /** Sum of every entry of the ledger: 0 when the books balance. */
  ledgerSum: number;
}

export interface PartnerBenchServer {
  url: string;
  pid: number;
  /** Makes `count` members, each with a member number; returns the numbers. */
  members: (count: number) => Promise<string[]>;
  mark: () => Promise<void>;
  sample: () => Promise<PartnerServerSample>;
  check: (partnerId: string) => Promise<PartnerLedgerCheck>;
  stop: () => Promise<void>;
}

/** Boots a Layover (own anvil, oracle off; PostgreSQL at `databaseUrl`, else PGlite in a temp folder). */
export async function startPartnerBenchServer(options: {
  databaseUrl?: string | undefined;
  cpu?: number | undefined;
  env?: Record<string, string>;
}): Promise<PartnerBenchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-partner-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    ANVIL_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    DEPLOYMENTS_DIR: join(dir, 'deployments'),
    ORACLE: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...options.env,
  };
  // Only the bench's own database URL moves the ledger off PGlite; nothing else from the shell leaks in.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'RPC_URL', 'PUBLIC_URL', 'PUBLIC_ADDRESS'])
    delete env[name];
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  // `taskset -c <cpu>` execs node: still one process, whose pid is the server's (its anvil inherits the core).
  const pinning = options.cpu === undefined ? [] : ['taskset', '-c', String(options.cpu)];
  // PARTNER_BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the server's node.
  const extra = process.env.PARTNER_BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const [command, ...args] = [...pinning, process.execPath, ...extra, '--import', 'tsx', ENTRY];
  const child = spawn(command!, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const { url, pid } = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bench server did not start in 240 s:\n${log}`)),
      240_000,
    );
    child.on('message', (message: { ready?: string; pid?: number }) => {
      if (!message.ready) return;
      clearTimeout(timer);
      resolve({ url: message.ready, pid: message.pid ?? child.pid ?? 0 });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}:\n${log}`));
    });
  });

  const call = ipc(child, () => log);
  return {
    url,
    pid,
    members: (count) => call({ cmd: 'members', count }) as Promise<string[]>,
    mark: async () => {
      await call({ cmd: 'mark' });
    },
    sample: () => call({ cmd: 'sample' }) as Promise<PartnerServerSample>,
    check: (partnerId) => call({ cmd: 'check', partnerId }) as Promise<PartnerLedgerCheck>,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call({ cmd: 'stop' }).catch(() => child.kill('SIGKILL'));
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      process.off('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ipc(child: ChildProcess, log: () => string): (request: PartnerServerRequest) => Promise<unknown> {
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id?: number; result?: unknown; error?: string }) => {
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`bench server exited with ${code}:\n${log()}`));
    pending.clear();
  });
  return (request) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      child.send({ id, ...request });
    });
}
