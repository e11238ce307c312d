import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { spawnOrphanGuard } from '../chain/anvil.ts';
import { SERVER_NODE_FLAGS } from '../runtime-flags.ts';

const ROOT = join(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 240_000;

export interface ClusterWorker {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
  /** SIGTERM (a graceful Colyseus shutdown), then SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Runs server/start.ts as its own process (node with tsx's loader, so a kill reaches the server itself). */
export function spawnWorker(
  name: string,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<ClusterWorker> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A launcher killed with SIGKILL takes its workers along.
  const guard = spawnOrphanGuard(child.pid);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      guard?.kill('SIGKILL');
      resolve(code ?? signal);
    }),
  );
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const worker: ClusterWorker = { name, child, exited, stop };

  return new Promise((resolve, reject) => {
    let pending = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stop(0);
      reject(new Error(`cluster: ${name} did not start within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim()) log(`[${name}] ${line}`);
        if (!ready && line.startsWith('Layover lounge is open:')) {
          ready = true;
          clearTimeout(timer);
          resolve(worker);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`cluster: ${name} exited (${code}) before it was ready`));
    });
  });
}
