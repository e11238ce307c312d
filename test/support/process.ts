import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface StartedServer {
  child: ChildProcess;
  url: string;
  anvilPort: number;
  output: () => string;
}

/**
 * Runs `npm start`'s entry point (server/start.ts) as its own process and waits for the URL it prints.
 * TEST_HOOKS=on, so the page installs window.__layover; an `env` value of undefined removes a variable.
 */
export function spawnLayover(
  env: Record<string, string | undefined>,
  timeoutMs = 240_000,
): Promise<StartedServer> {
  // Node itself with tsx's loader: one process, so a SIGKILL really kills the server (the tsx CLI forks a child).
  // Without npm start's GC flags (server/runtime-flags.ts): they tune a loaded process on one core and made each
  // boot about a second slower (7.3-8.3 s against 8.7-8.8 s), which the e2e tests pay for every server they start.
  // Node leaves out variables whose value is undefined.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, TEST_HOOKS: 'on', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const url = log.match(/Layover lounge is open: (\S+)/)?.[1];
      const anvilPort = log.match(/anvil ready at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      // With RPC_URL the server starts no anvil of its own.
      if (url && (anvilPort || env.RPC_URL)) {
        clearTimeout(timer);
        resolve({ child, url, anvilPort: Number(anvilPort ?? 0), output: () => log });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${log}`));
    });
  });
}

/** `npm start` on free ports, with its data and deployment records in `dir` (a temp folder the test removes). */
export function spawnLayoverIn(
  dir: string,
  env: Record<string, string | undefined> = {},
): Promise<StartedServer> {
  return spawnLayover({
    PORT: '0',
    ANVIL_PORT: '0',
    DATA_DIR: join(dir, 'data'),
    DEPLOYMENTS_DIR: join(dir, 'deployments'),
    ...env,
  });
}

/** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
export function interrupt(child: ChildProcess, timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGINT');
  });
}

/** Command lines of running processes that contain `needle`. */
export function processesMatching(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(needle) && !line.startsWith('ps '));
}
