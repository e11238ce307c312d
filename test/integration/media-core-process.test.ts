import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JanusProcess, spawnJanus } from '../../server/media/janus-process.ts';
import { eventually } from '../support/layover.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from '../support/process.ts';

// A Layover process killed with SIGKILL runs no exit handler: its Janus must still go (the kernel's parent-death
// signal), and a Janus left by an earlier run of the same DATA_DIR is cleared at start.
let dir: string;
let server: StartedServer | undefined;
let stale: JanusProcess | undefined;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const janusPid = async () =>
  Number(await readFile(join(dir, 'data', 'janus', 'janus.pid'), 'utf8').catch(() => 0));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-media-process-'));
});

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    await interrupt(server.child);
  await stale?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the spawned Janus lives and dies with its Layover', () => {
  it('clears a Janus an earlier run of the same DATA_DIR left running', async () => {
    stale = await spawnJanus(process.env.JANUS_BIN ?? '/usr/bin/janus', join(dir, 'data', 'janus'));
    const old = stale.pid() ?? 0;
    expect(alive(old)).toBe(true);
    server = await spawnLayoverIn(dir, { MEDIA: 'on' });
    expect(server.output()).toContain('media: Janus up');
    expect(alive(old)).toBe(false);
    const current = await janusPid();
    expect(current).not.toBe(old);
    expect(alive(current)).toBe(true);
  }, 300_000);

  it('takes Janus with it when the Layover process is killed with SIGKILL', async () => {
    const pid = await janusPid();
    expect(alive(pid)).toBe(true);
    server?.child.kill('SIGKILL');
    await eventually(async () => (alive(pid) ? undefined : true), 'Janus gone after its Layover', 20_000);
  });
});
