import { type ChildProcess, spawn } from 'node:child_process';
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

/** Writes the config under `dir` and spawns `bin -F dir`; ready is the caller's connect (see media/start.ts). */
export async function spawnJanus(bin: string, dir: string): Promise<JanusProcess> {
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
  const launch = () => {
    child = spawn(bin, ['-F', dir, '-C', join(dir, 'janus.jcfg')], { stdio: 'ignore' });
    child.on('error', () => {});
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
      if (child && child.exitCode === null && child.signalCode === null) return;
      launch();
    },
    stop: async () => {
      stopping = true;
      process.off('exit', onExit);
      const running = child;
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
