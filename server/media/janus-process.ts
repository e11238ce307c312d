import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type JanusSettings, writeJanusConfig } from './janus-config.ts';
import { randomSecret } from './tokens.ts';

/** A Janus this process spawned: its settings, and how to kill (tests: kill -9) or stop it. */
export interface JanusProcess {
  settings: JanusSettings;
  wsUrl: string;
  pid: () => number | undefined;
  /** Starts it again after an exit (same ports and secrets), as a supervisor would. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Without setpriv: Janus in the background, killed when the parent pid ($1) is gone; the shell exits with it. */
const WATCHDOG = `parent=$1; shift; "$@" & child=$!
trap 'kill -9 $child 2>/dev/null; exit' TERM INT
while kill -0 $parent 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
kill -9 $child 2>/dev/null`;

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** util-linux' setpriv: the kernel sends the child SIGKILL when this process dies, even by SIGKILL. */
const SETPRIV = '/usr/bin/setpriv';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Kills a Janus a previous run left for the same folder (its pid file, and only if that pid still runs Janus on
 * this folder), and waits for it to go.
 */
export async function clearStaleJanus(dir: string): Promise<number | undefined> {
  const pid = Number(await readFile(join(dir, 'janus.pid'), 'utf8').catch(() => ''));
  if (!Number.isSafeInteger(pid) || pid <= 1) return undefined;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.split('\0').includes(dir)) return undefined;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return pid;
}

/**
 * Writes the config under `dir` and spawns `bin -F dir` so that it dies with this process (setpriv --pdeathsig, or
 * a watchdog shell where setpriv is missing); ready is the caller's connect (see media/start.ts).
 */
export async function spawnJanus(bin: string, dir: string): Promise<JanusProcess> {
  await clearStaleJanus(dir);
  const settings: JanusSettings = {
    configDir: dir,
    logFile: join(dir, 'janus.log'),
    wsPort: await freePort(),
    adminWsPort: await freePort(),
    tokenSecret: randomSecret(),
    roomAdminKey: randomSecret(),
    adminSecret: randomSecret(),
    rtpPortRange: '20000-40000',
  };
  await writeJanusConfig(settings);
  let child: ChildProcess | undefined;
  let stopping = false;
  const args = ['-F', dir, '-C', join(dir, 'janus.jcfg')];
  const launch = () => {
    child = existsSync(SETPRIV)
      ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args], { stdio: 'ignore' })
      : spawn('/bin/sh', ['-c', WATCHDOG, 'janus-watchdog', String(process.pid), bin, ...args], {
          stdio: 'ignore',
        });
    child.on('error', () => {});
    if (child.pid) void writeFile(join(dir, 'janus.pid'), String(child.pid)).catch(() => {});
  };
  launch();
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    settings,
    wsUrl: `ws://127.0.0.1:${settings.wsPort}`,
    pid: () => child?.pid,
    restart: async () => {
      if (stopping) return;
      const running = child;
      // The socket may close before Node has seen the exit: wait for it; a Janus still running after 2 s is kept.
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 2000);
          running.once('exit', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        if (!exited || stopping || child !== running) return;
      }
      launch();
    },
    stop: async () => {
      stopping = true;
      process.off('exit', onExit);
      const running = child;
      await rm(join(dir, 'janus.pid'), { force: true });
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => running.kill('SIGKILL'), 3000);
        running.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        running.kill('SIGTERM');
      });
    },
  };
}
