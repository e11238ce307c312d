import { EventEmitter } from 'node:events';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Client, ClientState, SchemaSerializer } from '@colyseus/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdmittedMember } from '../../../server/auth/admission.ts';
import { buildZoneIndex, zoneMaskAt } from '../../../server/domain/lounge-zones.ts';
import { type CrowdClient, LoungeCrowd } from '../../../server/rooms/parts/lounge-crowd.ts';
import { loungeColliders, loungeLayout } from '../../../shared/content/lounge-layout.ts';
import { overlapsAny } from '../../../shared/movement.ts';
import { LoungeState } from '../../../shared/state/LoungeState.ts';
import { fakeContext } from '../server-fake-context.ts';

// The lounge's real tick (emotes, movement, interest, zones) on a crowd of fake sockets, and the room's real patch
// encoder: the steady state must neither keep growing the heap nor allocate anything per member per tick.

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const DT = 1 / 20;
const ZONES = buildZoneIndex(loungeLayout.zones);
/** Each avatar walks back and forth this far either side of its spot: views settle, poses keep changing. */
const SWAY_M = 0.5;
const SWAY_TICKS = 5;
/** Patches are encoded every few ticks only, to keep the file quick on a loaded machine (changes pile up meanwhile). */
const PATCH_EVERY = 20;
const EAST = { kind: 'intent', x: 1, z: 0 } as const;
const WEST = { kind: 'intent', x: -1, z: 0 } as const;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A spot where swaying neither bumps furniture nor crosses a zone's edge (a zone visit would write the ledger). */
function swaySpot(random: () => number): { x: number; z: number; heading: number } {
  for (;;) {
    const x = -18 + random() * 36;
    const z = -12 + random() * 24;
    let clear = true;
    const mask = zoneMaskAt(x, z, ZONES);
    for (let dx = -SWAY_M - 0.3; dx <= SWAY_M + 0.3; dx += 0.05)
      if (overlapsAny(x + dx, z, loungeColliders) || zoneMaskAt(x + dx, z, ZONES) !== mask) clear = false;
    if (clear) return { x, z, heading: 0 };
  }
}

interface Crowd {
  tick(): void;
  patch(): void;
  dispose(): Promise<void>;
  bytesSent(): number;
}

function crowdOf(size: number, seed: number, walking: boolean): Crowd {
  const { ctx } = fakeContext();
  const state = new LoungeState();
  const serializer = new SchemaSerializer<LoungeState>();
  serializer.reset(state);
  const clients: CrowdClient[] = [];
  let bytes = 0;
  const random = lcg(seed);
  const crowd = new LoungeCrowd(
    ctx,
    {
      state,
      clients: () => clients,
      roomId: () => 'alloc-room',
      roomName: () => 'lounge',
      broadcastChat: () => {},
    },
    { spawn: () => swaySpot(random) },
  );
  for (let i = 0; i < size; i++) {
    const auth = { memberId: `m${i}`, name: `M${i}`, tier: 'guest' };
    const client = {
      sessionId: `s${i}`,
      state: ClientState.JOINED,
      ref: new EventEmitter(),
      auth,
      raw: (data: Uint8Array) => {
        bytes += data.byteLength;
      },
      send: () => {},
    } as unknown as CrowdClient;
    clients.push(client);
    crowd.join(client, auth as AdmittedMember);
  }
  let ticks = 0;
  return {
    tick() {
      if (walking && ticks % SWAY_TICKS === 0) {
        const steering = (ticks / SWAY_TICKS) % 2 === 0 ? EAST : WEST;
        for (const client of clients) crowd.motion.steer(client.sessionId, steering);
      }
      ticks++;
      crowd.step(DT);
    },
    patch() {
      serializer.applyPatches(clients as unknown as Client[]);
    },
    dispose: () => crowd.dispose(),
    bytesSent: () => bytes,
  };
}

/** Bytes allocated while `run` runs: heap growth plus whatever each collection in between reclaimed. */
function allocatedBytes(run: () => void): number {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = v8.getHeapStatistics().used_heap_size;
  run();
  const after = v8.getHeapStatistics().used_heap_size;
  let reclaimed = 0;
  for (const event of profiler.stop().statistics)
    reclaimed += event.beforeGC.heapStatistics.usedHeapSize - event.afterGC.heapStatistics.usedHeapSize;
  return after - before + reclaimed;
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const crowds: Crowd[] = [];
afterAll(async () => {
  await Promise.all(crowds.map((crowd) => crowd.dispose()));
});

/** Steady-state bytes per tick: warmed up, then the quietest of a few windows (the optimiser settles at its pace). */
function steadyBytesPerTick(crowd: Crowd): number {
  for (let i = 0; i < 1_000; i++) {
    crowd.tick();
    if (i % PATCH_EVERY === 0) crowd.patch();
  }
  let best = Number.POSITIVE_INFINITY;
  for (let window = 0; window < 6; window++) {
    const ticks = 200;
    best = Math.min(
      best,
      allocatedBytes(() => {
        for (let i = 0; i < ticks; i++) crowd.tick();
      }) / ticks,
    );
    crowd.patch();
  }
  return best;
}

describe('lounge tick in the steady state', () => {
  it('allocates nothing per member per tick for interest, zones and motion (200 vs 100 standing members)', {
    timeout: 120_000,
  }, () => {
    const perTick = (size: number, walking: boolean): number => {
      const crowd = crowdOf(size, size, walking);
      crowds.push(crowd);
      return steadyBytesPerTick(crowd);
    };
    const standing = [perTick(100, false), perTick(200, false)] as const;
    const walking = [perTick(100, true), perTick(200, true)] as const;
    const perMember = (pair: readonly [number, number]) => (pair[1] - pair[0]) / 100;
    console.log(
      `lounge tick allocation, standing: ${standing[0].toFixed(0)} B/tick at 100, ${standing[1].toFixed(0)} B/tick at 200 (${perMember(standing).toFixed(2)} B per member per tick); walking: ${walking[0].toFixed(0)} / ${walking[1].toFixed(0)} B/tick (${perMember(walking).toFixed(2)} B per member per tick, stepAvatar's share)`,
    );
    expect(perMember(standing)).toBeLessThan(1);
    expect(standing[1]).toBeLessThan(1024);
  });

  it('keeps the heap flat from tick 1,000 to tick 10,000 with 200 walking members and their patches', {
    timeout: 180_000,
  }, () => {
    const crowd = crowdOf(200, 7, true);
    crowds.push(crowd);
    const run = (ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        crowd.tick();
        if (i % PATCH_EVERY === 0) crowd.patch();
      }
    };
    run(1_000);
    const at1k = heapAfterGc();
    run(9_000);
    const at10k = heapAfterGc();
    const growth = at10k - at1k;
    console.log(
      `heap after gc: ${(at1k / 1024).toFixed(0)} KiB at tick 1,000, ${(at10k / 1024).toFixed(0)} KiB at tick 10,000 (${(growth / 1024).toFixed(1)} KiB growth); ${(crowd.bytesSent() / 1024).toFixed(0)} KiB of patches encoded`,
    );
    expect(crowd.bytesSent()).toBeGreaterThan(0);
    // A leak of one small object per member per tick would be megabytes here.
    expect(growth).toBeLessThan(256 * 1024);
  });
});
