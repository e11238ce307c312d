import type { Client } from '@colyseus/core';

/** The part of a net.Socket the batching needs (kept structural so tests and closed sockets are safe). */
interface Corkable {
  cork(): void;
  uncork(): void;
  destroyed?: boolean;
  writable?: boolean;
}

/** Finds a client's underlying TCP socket (ws-transport: `client.ref` is the `ws` WebSocket, `_socket` the net.Socket). */
export function socketOf(client: Client): Corkable | undefined {
  const ref = (client as unknown as { ref?: { _socket?: unknown } }).ref;
  const socket = ref?._socket as Partial<Corkable> | undefined;
  if (!socket || typeof socket.cork !== 'function' || typeof socket.uncork !== 'function') return undefined;
  if (socket.destroyed || socket.writable === false) return undefined;
  return socket as Corkable;
}

/**
 * Runs one room tick with every client's socket corked, so the patch and any messages sent during the tick leave
 * in one socket write per client instead of one per frame (a `writev` per client per tick, not per message).
 * A socket that closes or throws is skipped; messages sent outside a tick go out as before.
 */
export function withBatchedWrites<T>(clients: Iterable<Client>, tick: () => T): T {
  const corked: Corkable[] = [];
  for (const client of clients) {
    const socket = socketOf(client);
    if (!socket) continue;
    try {
      socket.cork();
      corked.push(socket);
    } catch {
      // A socket torn down between the check and the cork is simply not batched.
    }
  }
  try {
    return tick();
  } finally {
    for (const socket of corked) {
      try {
        socket.uncork();
      } catch {
        // Closing sockets drop their buffered frames; nothing to flush.
      }
    }
  }
}
