import { WebSocket } from 'ws';

// @colyseus/core 0.18 reads the global WebSocket (Node 22+) when a dropped client reconnects; Node 20 has none.
if (!('WebSocket' in globalThis)) {
  Object.assign(globalThis, { WebSocket });
}
