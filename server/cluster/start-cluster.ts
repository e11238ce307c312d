import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { startAnvil } from '../chain/anvil.ts';
import { ensureDatabase } from './database.ts';
import { type FrontDoor, startNginx } from './nginx.ts';
import { findNginx, NGINX_MISSING } from './nginx-binary.ts';
import { type ClusterWorker, spawnWorker } from './worker.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(2567),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** host:port browsers reach the front door at; each worker's PUBLIC_ADDRESS is this plus `/p<n>`. */
  PUBLIC_ADDRESS: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** Workers listen on 127.0.0.1 from this port up (PORT + 1 by default). */
  WORKER_PORT_BASE: z.coerce.number().int().min(1).max(65535).optional(),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/layover_cluster'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379/12'),
  RPC_URL: z.url().optional(),
  ANVIL_PORT: z.coerce.number().int().min(0).max(65535).default(8545),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Worker n serves /metrics on loopback port METRICS_PORT + n - 1 (0: each a free port); unset: no listener. */
  METRICS_PORT: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
});

const WORKER_RESTART_MS = 1_000;

/** `npm run start:cluster`: anvil, PostgreSQL, Redis and WORKERS server processes behind nginx. */
async function main(): Promise<void> {
  const env = Env.parse(process.env);
  // Checked before anything starts: without the front door there is no cluster to open.
  const nginx = findNginx();
  if (!nginx) {
    console.error(NGINX_MISSING);
    process.exit(1);
  }
  const log = (line: string) => console.log(line);
  const cleanups: (() => Promise<void>)[] = [];
  const workers = new Map<string, ClusterWorker>();
  let frontDoor: FrontDoor | undefined;
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`\ncluster: ${why}, stopping ${workers.size} worker(s), the front door and the chain ...`);
    await Promise.all([...workers.values()].map((worker) => worker.stop()));
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup().catch((error) => console.error(error));
    log('cluster: stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT received'));
  process.on('SIGTERM', () => void shutdown('SIGTERM received'));

  try {
    log(`[1/4] ledger: PostgreSQL ${redact(env.DATABASE_URL)} ...`);
    log(
      `[1/4] ledger: database ${await ensureDatabase(env.DATABASE_URL)}; rooms share Redis ${env.REDIS_URL}`,
    );

    let rpcUrl = env.RPC_URL;
    if (!rpcUrl) {
      log(`[2/4] chain: starting anvil on 127.0.0.1:${env.ANVIL_PORT} ...`);
      const dataDir = resolve(env.DATA_DIR);
      await mkdir(dataDir, { recursive: true });
      const anvil = await startAnvil({
        port: env.ANVIL_PORT,
        statePath: join(dataDir, 'cluster-anvil-state.json'),
      });
      cleanups.push(anvil.stop);
      rpcUrl = anvil.rpcUrl;
    }
    log(`[2/4] chain: ${rpcUrl} (every worker uses it; the first deploys, the rest reuse deployments/)`);

    const door = await startNginx({
      port: env.PORT,
      host: env.HOST,
      dir: join(resolve(env.DATA_DIR), 'cluster-nginx'),
      binary: nginx,
      log: (line) => log(`[3/4] ${line}`),
    });
    frontDoor = door;
    cleanups.push(door.close);
    void door.exited.then((code) => shutdown(`the front door (nginx) exited (${code})`, 1));
    const publicAddress = env.PUBLIC_ADDRESS ?? new URL(door.url).host;

    const start = async (index: number): Promise<void> => {
      const name = `p${index}`;
      const port = (env.WORKER_PORT_BASE ?? env.PORT + 1) + index - 1;
      const worker = await spawnWorker(
        name,
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_ADDRESS: `${publicAddress}/${name}`,
          PUBLIC_URL: env.PUBLIC_URL ?? door.url,
          RPC_URL: rpcUrl,
          DATABASE_URL: env.DATABASE_URL,
          REDIS_URL: env.REDIS_URL,
          DATA_DIR: env.DATA_DIR,
          // Inherited as is, every worker would bind the same metrics port and all but one would fail to boot.
          ...(env.METRICS_PORT === undefined
            ? {}
            : { METRICS_PORT: String(metricsPort(env.METRICS_PORT, index)) }),
          // Only our own nginx (on this machine) names the client in X-Forwarded-For; per-IP limits key on that.
          TRUST_PROXY: '127.0.0.1,::1',
          // An anvil this launcher started: the workers may offer the test wallet on it (TEST_WALLET=auto).
          ...(env.RPC_URL ? {} : { CHAIN_STARTED_BY_LAYOVER: '1' }),
          // Only the first worker builds the client; the rest serve the same dist/client.
          ...(index > 1 ? { CLIENT_BUILD: 'skip' } : {}),
        },
        log,
      );
      workers.set(name, worker);
      await frontDoor?.setWorker(name, `http://127.0.0.1:${port}`);
      void worker.exited.then(async (code) => {
        workers.delete(name);
        if (stopping) return;
        await frontDoor?.removeWorker(name).catch((error) => log(`cluster: ${error}`));
        if (stopping) return;
        // Colyseus sweeps the dead process' rooms on the next join that reaches them; members rejoin elsewhere.
        log(`cluster: worker ${name} exited (${code}); restarting it in ${WORKER_RESTART_MS / 1000} s`);
        setTimeout(
          () => void start(index).catch((error) => shutdown(`worker ${name} failed: ${error}`, 1)),
          WORKER_RESTART_MS,
        );
      });
    };

    log(`[4/4] workers: starting p1 first (it builds the client and deploys or reuses the contracts) ...`);
    await start(1);
    if (env.WORKERS > 1) log(`[4/4] workers: starting p2..p${env.WORKERS} ...`);
    await Promise.all(Array.from({ length: env.WORKERS - 1 }, (_, i) => start(i + 2)));
    if (stopping) return;
    log(`\nLayover cluster is open: ${door.url} (${env.WORKERS} workers)\nPress Ctrl-C to stop.`);
  } catch (error) {
    console.error(error);
    await shutdown('start failed', 1);
  }
}

/** Worker `index`'s metrics port: one each from the base up, or 0 (a free port) for all when the base is 0. */
function metricsPort(base: number, index: number): number {
  return base === 0 ? 0 : base + index - 1;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

void main();
