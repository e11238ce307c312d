import { Client, type Room } from '@colyseus/sdk';
import { waitFor } from '../support/layover.ts';
import { hostileFrame, seeded } from './frames.ts';
import type { FuzzKind } from './room-kinds.ts';

/** What one kind's run did: frames written, attacker connections, and whether the bystander was ever dropped. */
export interface FuzzTally {
  frames: number;
  connections: number;
  bystanderDrops: number;
  bystanderPatches: number;
  /** How many attacker connections closed with each close code. */
  closeCodes: Record<number, number>;
  /** The close code that dropped the bystander, if it was. */
  bystanderCloseCode?: number;
}

/** How much hostile traffic to send: `connections` short ones, each pipelining `framesPerConnection` frames. */
export interface FuzzLoad {
  connections: number;
  framesPerConnection: number;
  seed: number;
}

/**
 * Sends hostile frames into one room kind over short attacker connections (an invalid frame drops its sender), and
 * after each one waits for the bystander's next patch: it must stay connected and keep receiving state.
 */
export async function fuzzRoom(url: string, kind: FuzzKind, load: FuzzLoad): Promise<FuzzTally> {
  const bystander: Room = await new Client(url).joinOrCreate(kind.room, {
    token: kind.bystanderToken,
    ...kind.options,
  });
  bystander.onMessage('*', () => {});
  const tally: FuzzTally = {
    frames: 0,
    connections: 0,
    bystanderDrops: 0,
    bystanderPatches: 0,
    closeCodes: {},
  };
  let done = false;
  bystander.onStateChange(() => {
    tally.bystanderPatches += 1;
  });
  bystander.onLeave((code) => {
    if (done) return;
    tally.bystanderDrops += 1;
    tally.bystanderCloseCode = code;
  });
  const random = seeded(load.seed);
  for (let connection = 0; connection < load.connections; connection += 1) {
    const attacker = await joinOnceUnseated(url, kind);
    attacker.onMessage('*', () => {});
    const left = new Promise<void>((resolve) =>
      attacker.onLeave((code) => {
        tally.closeCodes[code] = (tally.closeCodes[code] ?? 0) + 1;
        resolve();
      }),
    );
    tally.connections += 1;
    for (let sent = 0; sent < load.framesPerConnection; sent += 1) {
      attacker.connection.send(hostileFrame(random, kind.messageTypes));
      tally.frames += 1;
    }
    attacker.connection.send(hostileFrame(() => 0, ['no-such-type']));
    tally.frames += 1;
    await left;
    const seen = tally.bystanderPatches;
    if (kind.bystanderMoves) bystander.send('move', { x: connection % 2 === 0 ? 1 : -1, z: 0 });
    await waitFor(
      () => tally.bystanderPatches > seen || tally.bystanderDrops > 0,
      10_000,
      `${kind.name}: a bystander patch after connection ${connection}`,
    );
    if (tally.bystanderDrops > 0) break;
  }
  done = true;
  if (bystander.connection.isOpen) await bystander.leave();
  return tally;
}

/** Joins as the attacker; a game frees the last dropped connection's seat just after the close, so wait for that. */
async function joinOnceUnseated(url: string, kind: FuzzKind): Promise<Room> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const token = kind.freshAttacker ? await kind.freshAttacker() : kind.attackerToken;
      return await new Client(url).joinOrCreate(kind.room, { token, ...kind.options });
    } catch (error) {
      if ((error as Error).message !== 'alreadySeated' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
