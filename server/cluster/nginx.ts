import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { findNginx, NGINX_MISSING } from './nginx-binary.ts';
import { nginxConfig, type UpstreamWorker } from './nginx-config.ts';
import { readGeneration, reservePort } from './nginx-control.ts';

const READY_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;

/** The cluster's one address for browsers: nginx in front of the worker processes. */
export interface FrontDoor {
  url: string;
  port: number;
  /** Routes `/<name>/...` (websockets of the rooms `name` hosts) to `origin` and adds it to the HTTP pool. */
  setWorker: (name: string, origin: string) => Promise<void>;
  removeWorker: (name: string) => Promise<void>;
  /** Resolves when nginx exits, asked to or not. */
  exited: Promise<number | string | null>;
  close: () => Promise<void>;
}

/** Runs nginx (daemon off, its own prefix under `dir`) and reloads it whenever the worker list changes. */
export async function startNginx(options: {
  port: number;
  host: string;
  /** Folder for nginx.conf, the pid file, temp dirs and the control socket (e.g. `.data/cluster-nginx`). */
  dir: string;
  binary?: string;
  log?: (line: string) => void;
}): Promise<FrontDoor> {
  const log = options.log ?? (() => {});
  const binary = options.binary ?? findNginx();
  if (!binary) throw new Error(NGINX_MISSING);
  const dir = resolve(options.dir);
  const conf = join(dir, 'nginx.conf');
  const socket = join(dir, 'control.sock');
  await mkdir(dir, { recursive: true });
  // A socket left by a killed nginx would make the next one fail to bind it.
  await rm(socket, { force: true });
  const port = options.port || (await reservePort(options.host));
  const workers = new Map<string, UpstreamWorker>();
  let generation = 1;
  const write = () =>
    writeFile(
      conf,
      nginxConfig({ host: options.host, port, dir, workers: [...workers.values()], generation }),
    );
  await write();

  const args = ['-e', 'stderr', '-p', `${dir}/`, '-c', conf];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-4_000);
    for (const line of text.split('\n')) if (line.trim()) log(`nginx: ${line}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string | null>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal));
    child.once('error', (error) => done(error.message));
  });
  // Neither process.exit() nor a SIGKILLed launcher may leave nginx holding the port (TERM takes its workers too).
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  const guard = orphanGuard(child);

  const awaitGeneration = async (wanted: number) => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let gone = false;
    void exited.then(() => (gone = true));
    for (;;) {
      if ((await readGeneration(socket)) === wanted) return;
      if (gone) throw new Error(`nginx: exited before it served generation ${wanted}:\n${output.trim()}`);
      if (Date.now() > deadline) throw new Error(`nginx: generation ${wanted} not served:\n${output.trim()}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  const close = async () => {
    process.off('exit', killOnExit);
    guard?.kill('SIGKILL');
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await awaitGeneration(generation);
  } catch (error) {
    await close();
    throw error;
  }
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  log(`front door: nginx (pid ${child.pid}) listening on ${url}, config ${conf}`);

  // Reloads run one at a time; each checks the file first, so a bad one fails here instead of in nginx's log.
  let reloads = Promise.resolve();
  const reload = () => {
    const next = reloads.then(async () => {
      generation += 1;
      await write();
      await promisify(execFile)(binary, ['-t', '-q', ...args]);
      child.kill('SIGHUP');
      await awaitGeneration(generation);
    });
    reloads = next.catch(() => {});
    return next;
  };

  return {
    url,
    port,
    setWorker: (name, origin) => {
      const { hostname, port: workerPort } = new URL(origin);
      workers.set(name, { name, host: hostname, port: Number(workerPort) });
      log(`front door: /${name}/ -> ${origin}`);
      return reload();
    },
    removeWorker: (name) => {
      workers.delete(name);
      return reload();
    },
    exited,
    close,
  };
}

function orphanGuard(child: ChildProcess): ChildProcess | undefined {
  if (child.pid === undefined) return undefined;
  // The guard's stdin closes when this process dies, however it dies.
  const guard = spawn('/bin/sh', ['-c', `read _ignored; kill -TERM ${child.pid} 2>/dev/null`], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  guard.on('error', () => {});
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return guard;
}
