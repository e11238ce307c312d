// The server under test, in its own process: startLayover plus the naive room, and an IPC probe for the bench.
// Run by test/bench/scale/server-process.ts as `node --expose-gc --import tsx test/bench/scale/server-entry.ts`.

import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { matchMaker } from '@colyseus/core';
import { issueSession } from '../../../server/auth/sessions.ts';
import { loadConfig } from '../../../server/config.ts';
import { createMember } from '../../../server/db/members.ts';
import { startLayover } from '../../../server/main.ts';
import { NAIVE_ROOM, NaiveRoom } from '../naive-room.ts';
import type { ServerRequest, ServerSample } from './server-process.ts';

/** Node's own default: the histogram records each 10 ms timer's interval, so lag = value - 10 ms. */
const ELD_RESOLUTION_MS = 10;

const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
eld.enable();
let markCpu = process.cpuUsage();
let markAt = performance.now();
let markSched = schedstat();

/** Linux's schedstat of the main thread: ns on a CPU, and ns runnable but waiting for one (another process had it). */
function schedstat(): { runNs: number; waitNs: number } {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return { runNs: run ?? 0, waitNs: wait ?? 0 };
  } catch {
    return { runNs: Number.NaN, waitNs: Number.NaN };
  }
}

const config = loadConfig(process.env, { port: 0, anvilPort: 0 });
const running = await startLayover(config, (line) => process.stderr.write(`${line}\n`));
matchMaker.defineRoomType(NAIVE_ROOM, NaiveRoom, { capacity: config.loungeCapacity });

/** With SCALE_PROFILE_DIR set, each mark..sample window is CPU-profiled into that folder (for finding what limits). */
const profileDir = process.env.SCALE_PROFILE_DIR;
const inspector = profileDir ? new Session() : undefined;
inspector?.connect();
let windows = 0;

async function startProfile(): Promise<void> {
  if (!inspector) return;
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}

async function stopProfile(): Promise<void> {
  if (!inspector || !profileDir) return;
  const { profile } = await inspector.post('Profiler.stop');
  await writeFile(join(profileDir, `window-${++windows}.cpuprofile`), JSON.stringify(profile));
}

function lagMs(nanoseconds: number): number {
  return Math.max(0, nanoseconds / 1e6 - ELD_RESOLUTION_MS);
}

function sample(): ServerSample {
  const cpu = process.cpuUsage(markCpu);
  const sched = schedstat();
  return {
    wallMs: performance.now() - markAt,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainThreadMs: (sched.runNs - markSched.runNs) / 1e6,
    runQueueWaitMs: (sched.waitNs - markSched.waitNs) / 1e6,
    lag: {
      p50: lagMs(eld.percentile(50)),
      p99: lagMs(eld.percentile(99)),
      max: lagMs(eld.max),
      samples: eld.count,
    },
    memory: process.memoryUsage(),
    loadavg: loadavg(),
  };
}

async function handle(request: ServerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'sessions': {
      const { db } = running.ctx.ledger;
      const tokens: string[] = [];
      for (let i = 0; i < request.count; i++) {
        const member = await createMember(db, { displayName: `Bench ${request.prefix}${i}` });
        tokens.push((await issueSession(db, member.id, 'guest', config.sessionTtlMs)).token);
      }
      return tokens;
    }
    case 'mark':
      await startProfile();
      eld.reset();
      markCpu = process.cpuUsage();
      markSched = schedstat();
      markAt = performance.now();
      return null;
    case 'sample': {
      const result = sample();
      await stopProfile();
      return result;
    }
    case 'heap': {
      // Twice: the first pass frees what finalizers of the first unlink.
      globalThis.gc?.();
      globalThis.gc?.();
      return process.memoryUsage();
    }
    case 'rooms':
      return (await matchMaker.query({})).map((room) => ({
        name: room.name,
        roomId: room.roomId,
        clients: room.clients,
      }));
    case 'stop':
      await running.stop();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: { id: number } & ServerRequest) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
// The bench went away: take anvil down with us.
process.on('disconnect', () => void running.stop().finally(() => process.exit(0)));
process.send?.({ ready: running.url, pid: process.pid });
