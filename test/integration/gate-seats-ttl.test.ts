import { execFileSync } from 'node:child_process';
import { LocalPresence, type Presence } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.ts';
import type { GateVerdict } from '../../server/domain/gates.ts';
import { GateSeats } from '../../server/rooms/parts/gate-seats.ts';
import { fakeContext } from '../unit/server-fake-context.ts';

// Database 7 is this test's own, emptied first so seats left by a killed earlier run cannot hold a pass.
const REDIS_URL = process.env.TEST_SEATS_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
const ADDRESS = '0x00000000000000000000000000000000000000a1';
const PASS: GateVerdict = {
  allowed: true,
  matched: [{ contract: '0x00000000000000000000000000000000000000b2', tokenId: 7n }],
};
const cleanups: (() => void)[] = [];

// Last made, first undone: a process's seats are released before its presence connection closes.
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** A process of the deployment: its own seats over its own presence client, and a way to crash it. */
interface SeatProcess {
  seats: GateSeats;
  crash(): void;
}

/** Presence that answers until `kill()`, then fails every call as a dead process's connection would. */
function killablePresence(inner: Presence): { presence: Presence; kill(): void } {
  let dead = false;
  const presence = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        dead ? Promise.reject(new Error('presence: process is gone')) : value.apply(target, args);
    },
  });
  return { presence, kill: () => (dead = true) };
}

function seatContext(ttlSeconds: number): AppContext {
  const { ctx } = fakeContext();
  return { ...ctx, config: { ...ctx.config, seatTtlSeconds: ttlSeconds } };
}

function seatProcess(presence: Presence, crash: () => void): SeatProcess {
  const seats = new GateSeats(seatContext(1), 'vip', {
    presence,
    seated: () => true,
    client: () => undefined,
  });
  cleanups.push(() => seats.releaseAll());
  return { seats, crash };
}

const kinds: { name: string; open(): () => SeatProcess }[] = [
  {
    name: 'LocalPresence',
    open() {
      const shared = new LocalPresence();
      return () => {
        const { presence, kill } = killablePresence(shared);
        return seatProcess(presence, kill);
      };
    },
  },
  {
    name: 'Redis',
    open() {
      const { hostname, port, pathname } = new URL(REDIS_URL);
      execFileSync('redis-cli', ['-h', hostname, '-p', port || '6379', '-n', pathname.slice(1), 'flushdb']);
      return () => {
        const redis = new RedisPresence(REDIS_URL);
        // A crashed process sends nothing more: calls fail before they reach a closing connection, whose queued
        // commands ioredis would reject where no one listens.
        const { presence, kill } = killablePresence(redis);
        let gone = false;
        const quit = () => {
          if (gone) return;
          gone = true;
          kill();
          redis.shutdown();
        };
        cleanups.push(quit);
        return seatProcess(presence, quit);
      };
    },
  },
];

/** Retries `claim` until it holds the seat (each refused try must not keep a dead seat alive). */
async function claimWhenFree(process: SeatProcess, sessionId: string, verdict = PASS): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await process.seats.claim(sessionId, ADDRESS, verdict))) {
    if (Date.now() > deadline) throw new Error(`seat never freed for ${sessionId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(kinds)('gate seats over $name', (kind) => {
  const start = kind.open();

  it('frees the seat of a process that died without releasing it, and keeps a live holder seated', async () => {
    const crashed = start();
    const live = start();
    const other = start();
    expect(await crashed.seats.claim('crashed-1', ADDRESS, PASS)).toBe(true);
    expect(await other.seats.claim('other-1', ADDRESS, PASS)).toBe(false);
    crashed.crash();
    await claimWhenFree(other, 'other-1');

    // A holder that stays up keeps its seat past the TTL: wait until a dead seat claimed after it has expired.
    const liveVerdict: GateVerdict = {
      allowed: true,
      matched: [{ contract: PASS.matched[0]!.contract, tokenId: 8n }],
    };
    const deadVerdict: GateVerdict = {
      allowed: true,
      matched: [{ contract: PASS.matched[0]!.contract, tokenId: 9n }],
    };
    expect(await live.seats.claim('live-1', ADDRESS, liveVerdict)).toBe(true);
    const dying = start();
    expect(await dying.seats.claim('dying-1', ADDRESS, deadVerdict)).toBe(true);
    dying.crash();
    await claimWhenFree(other, 'other-2', deadVerdict);
    expect(await other.seats.claim('other-3', ADDRESS, liveVerdict)).toBe(false);

    // A released seat is free for the next pass holder.
    live.seats.release('live-1');
    await claimWhenFree(other, 'other-3', liveVerdict);
  });
});
