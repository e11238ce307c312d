import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** The same-origin path browsers open for Janus (nginx forwards it like the Colyseus websocket). */
export const MEDIA_WS_PATH = '/media/ws';

/**
 * Sends WebSocket upgrades of `/media/ws` to Janus' ws port (a raw TCP pipe after the handshake is forwarded) and
 * every other upgrade to the listeners already there (the front door, then Colyseus, which takes any path).
 * Returns the undo.
 */
export function proxyMediaWebSocket(
  server: Server,
  target: () => { host: string; port: number } | undefined,
) {
  const others = server.listeners('upgrade') as ((
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ) => void)[];
  server.removeAllListeners('upgrade');
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== MEDIA_WS_PATH) {
      for (const listener of others) listener.call(server, req, socket, head);
      return;
    }
    const to = target();
    if (!to) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(to.port, to.host);
    const drop = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', () => {
      if (!upstream.readableLength)
        socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      drop();
    });
    socket.on('error', drop);
    upstream.on('connect', () => {
      const lines = [`GET / HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i] ?? '';
        const value = req.rawHeaders[i + 1] ?? '';
        lines.push(name.toLowerCase() === 'host' ? `Host: ${to.host}:${to.port}` : `${name}: ${value}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const listener of others) server.on('upgrade', listener);
  };
}
