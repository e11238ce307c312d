import { createServer } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { type Client, matchMaker, Server } from '@colyseus/core';
import { type Room, Client as SdkClient } from '@colyseus/sdk';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../server/node-websocket.ts';
import { defineGameRooms } from '../../../server/rooms/games/define.ts';
import { GatedLoungeRoom } from '../../../server/rooms/gated-lounge-room.ts';
import { LoungeRoom } from '../../../server/rooms/lounge-room.ts';
import { socketOf, stepsThenOnePatch, withBatchedWrites } from '../../../server/rooms/parts/tick-writes.ts';
import { GameRoomName } from '../../../shared/rooms.ts';
import { addMember, fakeContext } from '../server-fake-context.ts';

function fakeClient(socket: Record<string, unknown> | undefined): Client {
  return { ref: socket === undefined ? undefined : { _socket: socket } } as unknown as Client;
}

function countingSocket(extra: Record<string, unknown> = {}) {
  const log: string[] = [];
  return {
    log,
    socket: { cork: () => log.push('cork'), uncork: () => log.push('uncork'), writable: true, ...extra },
  };
}

describe('withBatchedWrites', () => {
  it('corks every client socket for the tick and uncorks after it', () => {
    const a = countingSocket();
    const b = countingSocket();
    const result = withBatchedWrites([fakeClient(a.socket), fakeClient(b.socket)], () => {
      a.log.push('write');
      b.log.push('write');
      return 7;
    });
    expect(result).toBe(7);
    expect(a.log).toEqual(['cork', 'write', 'uncork']);
    expect(b.log).toEqual(['cork', 'write', 'uncork']);
  });

  it('uncorks even when the tick throws', () => {
    const a = countingSocket();
    expect(() =>
      withBatchedWrites([fakeClient(a.socket)], () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(a.log).toEqual(['cork', 'uncork']);
  });

  it('skips clients without a socket, closing sockets and sockets that throw', () => {
    const closed = countingSocket({ destroyed: true });
    const unwritable = countingSocket({ writable: false });
    const throwing = {
      cork: () => {
        throw new Error('gone');
      },
      uncork: () => {
        throw new Error('gone');
      },
    };
    const ok = countingSocket();
    const clients = [
      fakeClient(undefined),
      fakeClient(closed.socket),
      fakeClient(unwritable.socket),
      fakeClient(throwing),
      fakeClient(ok.socket),
    ];
    expect(() => withBatchedWrites(clients, () => undefined)).not.toThrow();
    expect(closed.log).toEqual([]);
    expect(unwritable.log).toEqual([]);
    expect(ok.log).toEqual(['cork', 'uncork']);
    expect(socketOf(fakeClient({}))).toBeUndefined();
  });

  it('does not throw when a socket fails to uncork', () => {
    const bad = {
      cork: () => undefined,
      uncork: () => {
        throw new Error('closed');
      },
    };
    expect(withBatchedWrites([fakeClient(bad)], () => 'ok')).toBe('ok');
  });
});

describe('stepsThenOnePatch', () => {
  it('patches once after two steps in one timer callback, inside one cork per socket', async () => {
    const a = countingSocket();
    const order: string[] = a.log;
    const tick = stepsThenOnePatch(
      () => [fakeClient(a.socket)],
      (n: number) => order.push(`step ${n}`),
      () => order.push('patch'),
    );
    // What setFixedTimestep does when its accumulator holds two steps: two calls in one callback.
    tick(1);
    tick(2);
    expect(order).toEqual(['cork', 'step 1', 'step 2']);
    await Promise.resolve();
    expect(order).toEqual(['cork', 'step 1', 'step 2', 'patch', 'uncork']);
    // The next timer callback is a tick of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    tick(3);
    await Promise.resolve();
    expect(order.slice(5)).toEqual(['cork', 'step 3', 'patch', 'uncork']);
  });

  it('uncorks even when the step or the patch throws', async () => {
    const a = countingSocket();
    const failingStep = stepsThenOnePatch(
      () => [fakeClient(a.socket)],
      () => {
        throw new Error('step failed');
      },
      () => a.log.push('patch'),
    );
    expect(() => failingStep(undefined)).toThrow('step failed');
    await Promise.resolve();
    expect(a.log).toEqual(['cork', 'patch', 'uncork']);

    const b = countingSocket();
    const failures: unknown[] = [];
    const onError = (err: unknown) => failures.push(err);
    process.on('uncaughtException', onError);
    try {
      const failingPatch = stepsThenOnePatch(
        () => [fakeClient(b.socket)],
        () => b.log.push('step'),
        () => {
          throw new Error('patch failed');
        },
      );
      failingPatch(undefined);
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(b.log).toEqual(['cork', 'step', 'uncork']);
  });
});

// Every room with a tick, on a real Colyseus server (fake ledger and gates): each tick corks each client's socket.
describe('rooms batch their tick writes', () => {
  const corks = new WeakMap<object, number>();
  const realCork = net.Socket.prototype.cork;
  let server: Server;
  let url: string;
  const joined: Room[] = [];
  const token = (name: string) => `${name}-token-000000000000000000000000`;

  beforeAll(async () => {
    // Counts the corks that come from a room's tick (ws also corks around each frame it writes: those don't count).
    net.Socket.prototype.cork = function countedCork(this: net.Socket) {
      if (new Error().stack?.includes('corkAll')) corks.set(this, (corks.get(this) ?? 0) + 1);
      return realCork.call(this);
    };
    const { ctx, world } = fakeContext();
    for (const name of ['lina', 'vic', 'tom', 'pia', 'bea'])
      addMember(world, token(name), { id: `m-${name}`, name });
    world.stamps.set('m-vic', 6);
    const httpServer = createServer();
    server = new Server({ transport: new WebSocketTransport({ server: httpServer }), greet: false });
    server.define('lounge', LoungeRoom, { ctx, capacity: 10 });
    server.define('vip', GatedLoungeRoom, { ctx, capacity: 10, gate: 'vip' });
    defineGameRooms(server, ctx, { timeScale: 1 });
    await server.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    net.Socket.prototype.cork = realCork;
    await Promise.all(joined.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => {})));
    await server?.gracefullyShutdown(false);
  });

  it('corks the lounge, VIP lounge and game rooms’ sockets every tick, and patches still arrive', async () => {
    for (const [room, name] of [
      ['lounge', 'lina'],
      ['vip', 'vic'],
      [GameRoomName.trivia, 'tom'],
      [GameRoomName.plane, 'pia'],
      [GameRoomName.bags, 'bea'],
    ] as const) {
      const client = await new SdkClient(url).joinOrCreate(room, { token: token(name) });
      joined.push(client);
      let patches = 0;
      client.onStateChange(() => {
        patches += 1;
      });
      const held = matchMaker.getLocalRoomById(client.roomId)?.clients[0];
      const socket = held ? socketOf(held) : undefined;
      expect(socket, `${room}: the server's socket`).toBeDefined();
      const from = corks.get(socket as object) ?? 0;
      // Twenty ticks of corking (a second of the room's clock), and the state keeps reaching the client.
      await vi.waitUntil(() => (corks.get(socket as object) ?? 0) - from >= 20 && patches >= 2, {
        timeout: 30_000,
        interval: 20,
      });
    }
  });
});
