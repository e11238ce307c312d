// Starts test/bench/scale/server-entry.ts as its own process (optionally pinned to one core) and talks to it over IPC.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const ENTRY = 'test/bench/scale/server-entry.ts';

export type ServerRequest =
  | { cmd: 'sessions'; count: number; prefix: string }
  | { cmd: 'mark' }
  | { cmd: 'sample' }
  | { cmd: 'heap' }
  | { cmd: 'rooms' }
  | { cmd: 'stop' };

/** What the server process measured since the last `mark`. */
export interface ServerSample {
  wallMs: number;
  /** User + system CPU of the server process (all its threads). */
  cpuMs: number;
  /** On-CPU time of the main (event-loop) thread alone, from /proc schedstat. */
  mainThreadMs: number;
  /** Time the main thread was ready to run but waited for a core (other processes had it), from /proc schedstat. */
  runQueueWaitMs: number;
  /** Event-loop delay beyond the 10 ms sampling timer, in ms. */
  lag: { p50: number; p99: number; max: number; samples: number };
  memory: NodeJS.MemoryUsage;
  loadavg: number[];
}

export interface RoomInfo {
  name: string;
  roomId: string;
  clients: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  /** The core it is pinned to, if any. */
  cpu: number | undefined;
  sessions: (count: number, prefix: string) => Promise<string[]>;
  mark: () => Promise<void>;
  sample: () => Promise<ServerSample>;
  heap: () => Promise<NodeJS.MemoryUsage>;
  rooms: () => Promise<RoomInfo[]>;
  stop: () => Promise<void>;
}

/** Whether `taskset` is here to pin processes to a core. */
export function canPin(): boolean {
  return spawnSync('taskset', ['-V']).status === 0;
}

/** Pins this process (the load generator) to `cpu`. */
export function pinSelf(cpu: number): void {
  spawnSync('taskset', ['-cp', String(cpu), String(process.pid)]);
}

/**
 * The node flags `npm start` of the checkout at `root` gives its server (e.g. `--single-threaded-gc`), so the bench
 * measures a server as that checkout runs it, a baseline checkout with its own flags (or none).
 */
export function startScriptNodeFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = (pkg.scripts?.start ?? '').split(/\s+/);
  if (words[0] !== 'node') return [];
  const flags: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--import') {
      i++;
      continue;
    }
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

/** Boots a Layover (own anvil, PGlite in a temp folder, oracle off) in a child process; resolves once it listens. */
export async function startBenchServer(options: {
  loungeCapacity: number;
  cpu?: number | undefined;
  /** Another checkout (e.g. a `git worktree` of the baseline commit) whose own entry script and server code run. */
  root?: string | undefined;
}): Promise<BenchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-scale-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    ANVIL_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    DEPLOYMENTS_DIR: join(dir, 'deployments'),
    LOUNGE_CAPACITY: String(options.loungeCapacity),
    ORACLE: 'off',
    // Every simulated member joins from 127.0.0.1: the per-address room cap must not stop the climb.
    MAX_ROOMS_PER_IP: '1000000',
  };
  // Only an explicit SCALE_DATABASE_URL moves the ledger off PGlite; nothing else from the shell leaks in.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'RPC_URL', 'PUBLIC_URL', 'PUBLIC_ADDRESS'])
    delete env[name];
  if (process.env.SCALE_DATABASE_URL) env.DATABASE_URL = process.env.SCALE_DATABASE_URL;
  // SCALE_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the server's node.
  const extra = process.env.SCALE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const nodeArgs = [
    '--expose-gc',
    ...startScriptNodeFlags(options.root ?? ROOT),
    ...extra,
    '--import',
    'tsx',
    ENTRY,
  ];
  // `taskset -c <cpu>` execs node: still one process, whose pid is the server's.
  const pinning = options.cpu === undefined ? [] : ['taskset', '-c', String(options.cpu)];
  const [command, ...args] = [...pinning, process.execPath, ...nodeArgs];
  const child = spawn(command!, args, {
    cwd: options.root ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  // SCALE_SERVER_LOG=<file> keeps the server's whole output (e.g. with SCALE_SERVER_NODE_ARGS=--trace-gc).
  const keep = process.env.SCALE_SERVER_LOG ? createWriteStream(process.env.SCALE_SERVER_LOG) : undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    keep?.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    keep?.write(chunk);
  });
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
    cpu: options.cpu,
    sessions: (count, prefix) => call({ cmd: 'sessions', count, prefix }) as Promise<string[]>,
    mark: async () => {
      await call({ cmd: 'mark' });
    },
    sample: () => call({ cmd: 'sample' }) as Promise<ServerSample>,
    heap: () => call({ cmd: 'heap' }) as Promise<NodeJS.MemoryUsage>,
    rooms: () => call({ cmd: 'rooms' }) as Promise<RoomInfo[]>,
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

function ipc(child: ChildProcess, log: () => string): (request: ServerRequest) => Promise<unknown> {
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
