import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { fuzzRoom } from '../fuzz/fuzz-room.ts';
import { type FuzzKind, fuzzKinds } from '../fuzz/room-kinds.ts';
import { startTestLayover } from '../support/layover.ts';

/** Bounded fuzz run in `npm test`: a fixed count of hostile frames into every room kind, while a bystander watches. */
const LOAD = { connections: 12, framesPerConnection: 10 };

let layover: RunningLayover;
let kinds: FuzzKind[];

beforeAll(async () => {
  layover = await startTestLayover({ roomCaps: { perMember: 1000, perIp: 1_000_000 } });
  kinds = await fuzzKinds(layover);
}, 60_000);

afterAll(async () => {
  await layover?.stop();
});

describe('hostile frames into every room kind', () => {
  for (const [index, name] of ['lounge', 'vip', 'suite', 'event', 'trivia', 'plane', 'bags'].entries())
    it(`${name}: drops only their senders; the bystander stays connected and keeps receiving patches`, async () => {
      const kind = kinds.find((candidate) => candidate.name === name);
      expect(kind).toBeDefined();
      const tally = await fuzzRoom(layover.url, kind!, { ...LOAD, seed: 17 + index });
      console.log(`fuzz ${name}: ${JSON.stringify(tally)}`);
      expect(tally.bystanderDrops).toBe(0);
      expect(tally.connections).toBe(LOAD.connections);
      expect(tally.frames).toBe(LOAD.connections * (LOAD.framesPerConnection + 1));
      const health = await fetch(`${layover.url}/health`);
      expect(health.status).toBe(200);
    }, 30_000);
});
