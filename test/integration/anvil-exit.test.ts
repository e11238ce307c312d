import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, spawnLayoverIn } from '../support/process.ts';

let dir: string;
const started: StartedServer[] = [];
const anvils: number[] = [];

/** The pid of the anvil listening on `port`, read from the process table. */
function anvilPid(port: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const line = table.split('\n').find((row) => /\banvil\b/.test(row) && row.includes(`--port ${port} `));
  if (!line) throw new Error(`no anvil on port ${port}:\n${table}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/** The pid of the shell that guards `anvil` (kills it when the server's end of its pipe closes). */
function guardPid(anvil: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const line = table.split('\n').find((row) => row.includes(`kill -KILL ${anvil} `));
  if (!line) throw new Error(`no guard of anvil ${anvil}:\n${table}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function alive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

async function startServer(): Promise<{ server: StartedServer; anvil: number }> {
  const server = await spawnLayoverIn(join(dir, String(started.length)), { CLIENT_BUILD: 'skip' });
  started.push(server);
  const anvil = anvilPid(server.anvilPort);
  anvils.push(anvil);
  expect(alive(anvil)).toBe(true);
  return { server, anvil };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-anvil-exit-'));
});

afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const pid of anvils) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

describe('the anvil a server starts', () => {
  it('exits when the server is killed with SIGKILL', async () => {
    const { server, anvil } = await startServer();
    await new Promise<void>((resolve) => {
      server.child.once('exit', () => resolve());
      server.child.kill('SIGKILL');
    });
    await expect.poll(() => alive(anvil), { timeout: 15_000, interval: 100 }).toBe(false);
  }, 240_000);

  it('exits when the server is killed with SIGKILL after its guard process was killed too', async () => {
    const { server, anvil } = await startServer();
    const guard = guardPid(anvil);
    process.kill(guard, 'SIGKILL');
    await expect.poll(() => alive(guard), { timeout: 15_000, interval: 100 }).toBe(false);
    await new Promise<void>((resolve) => {
      server.child.once('exit', () => resolve());
      server.child.kill('SIGKILL');
    });
    await expect.poll(() => alive(anvil), { timeout: 15_000, interval: 100 }).toBe(false);
  }, 240_000);

  it('exits when the server is stopped with SIGTERM', async () => {
    const { server, anvil } = await startServer();
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect.poll(() => alive(anvil), { timeout: 15_000, interval: 100 }).toBe(false);
  }, 240_000);
});
