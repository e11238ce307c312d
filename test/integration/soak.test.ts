import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { RunningLayover } from '../../server/main.ts';
import { type Bots, startBots } from '../load/bots.ts';
import { startTestLayover } from '../support/layover.ts';

// CI-sized soak: 100 members in one lounge for SOAK_SECONDS (60 by default), then everyone leaves.
const BOTS = 100;
const SOAK_MS = Number(process.env.SOAK_SECONDS ?? 60) * 1000;

let layover: RunningLayover;
let bots: Bots | undefined;
const logged: string[] = [];

beforeAll(async () => {
  // Anything the server (or the SDK) logs as an error during the soak fails it.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(
      args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '),
    );
  });
  // Every bot joins from 127.0.0.1: the per-address room cap is raised to fit them all (one room per member).
  layover = await startTestLayover({ loungeCapacity: BOTS, roomCaps: { perMember: 3, perIp: BOTS * 2 } });
});

afterAll(async () => {
  await bots?.stop();
  await layover?.stop();
  vi.restoreAllMocks();
});

async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('lounge soak', () => {
  it(
    `keeps ${BOTS} walking, chatting, emoting members seated without an error, then frees everything`,
    async () => {
      const { db } = layover.ctx.ledger;
      // Sessions straight in the ledger: the sign-in route allows 30 at once from one address.
      const tokens = await Promise.all(
        Array.from({ length: BOTS }, async (_, i) => {
          const member = await createMember(db, { displayName: `Soak ${i + 1}` });
          return (await issueSession(db, member.id, 'guest', 3_600_000)).token;
        }),
      );
      const joinStarted = Date.now();
      bots = await startBots({
        url: layover.url,
        count: BOTS,
        token: async (i) => tokens[i]!,
        rates: { moveEveryMs: 1000, chatEveryMs: 6000, emoteEveryMs: 5000 },
      });
      const joinMs = Date.now() - joinStarted;
      expect(bots.stats().joined).toBe(BOTS);
      expect(matchMaker.stats.local.ccu).toBe(BOTS);

      await new Promise((resolve) => setTimeout(resolve, SOAK_MS));
      const stats = bots.stats();
      expect(stats.errors).toEqual([]);
      expect(stats.seated).toBe(BOTS);
      expect(stats.sent.chat).toBeGreaterThan(BOTS);
      // Every bot hears every chat line: far more messages than were sent.
      expect(stats.messagesReceived).toBeGreaterThan(stats.sent.chat * 10);
      const lounges = await matchMaker.query({ name: 'lounge' });
      expect(lounges.reduce((sum, room) => sum + room.clients, 0)).toBe(BOTS);
      const { presence } = matchMaker;
      expect(await presence.channels('member:*')).toHaveLength(BOTS);

      await bots.stop();
      await eventually(
        async () => ((await matchMaker.query({})).length === 0 ? true : undefined),
        10_000,
        'every room disposed',
      );
      expect(matchMaker.stats.local).toEqual({ roomCount: 0, ccu: 0 });
      // Member feeds and room channels were all unsubscribed.
      expect(await presence.channels('member:*')).toEqual([]);
      expect(await presence.channels('$*')).toEqual([]);
      expect(logged).toEqual([]);
      console.log(
        `soak: ${BOTS} bots joined in ${joinMs} ms; ${SOAK_MS / 1000} s; sent ${JSON.stringify(stats.sent)}; received ${stats.messagesReceived} messages, ${(stats.bytesReceived / 1e6).toFixed(1)} MB`,
      );
    },
    SOAK_MS + 90_000,
  );
});
