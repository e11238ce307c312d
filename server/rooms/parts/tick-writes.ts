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

function corkAll(clients: Iterable<Client>): Corkable[] {
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
  return corked;
}

function uncorkAll(corked: readonly Corkable[]): void {
  for (const socket of corked) {
    try {
      socket.uncork();
    } catch {
      // Closing sockets drop their buffered frames; nothing to flush.
    }
  }
}

/**
 * Runs one room tick with every client's socket corked, so the patch and any messages sent during the tick leave
 * in one socket write per client instead of one per frame (a `writev` per client per tick, not per message).
 * A socket that closes or throws is skipped; messages sent outside a tick go out as before.
 */
export function withBatchedWrites<T>(clients: Iterable<Client>, tick: () => T): T {
  const corked = corkAll(clients);
  try {
    return tick();
  } finally {
    uncorkAll(corked);
  }
}

/**
 * A fixed-timestep callback that steps every time it is called and patches once per timer callback. Colyseus'
 * `setFixedTimestep` runs two steps in one callback whenever its accumulator has gathered a spare step (its
 * setInterval fires a little late each time, so a loaded room does this every second or so): patching after each
 * step would encode every view and write to every client twice, back to back. The sockets are corked at the first
 * step and the patch is sent and the sockets uncorked in a microtask, which Node runs as soon as the timer's callback
 * returns: still one socket write per client per tick, with the step's own messages in it.
 */
export function stepsThenOnePatch<Step>(
  clients: () => Iterable<Client>,
  step: (ctx: Step) => void,
  patch: () => void,
): (ctx: Step) => void {
  let corked: Corkable[] | undefined;
  const flush = () => {
    const sockets = corked ?? [];
    corked = undefined;
    try {
      patch();
    } finally {
      uncorkAll(sockets);
    }
  };
  return (ctx) => {
    if (!corked) {
      corked = corkAll(clients());
      queueMicrotask(flush);
    }
    step(ctx);
  };
}
