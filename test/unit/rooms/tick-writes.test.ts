import type { Client } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { socketOf, withBatchedWrites } from '../../../server/rooms/parts/tick-writes.ts';

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
