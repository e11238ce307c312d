// Serves a client build from a folder and forwards everything else (API, matchmaking, websockets) to a server, on
// one loopback origin: the page then talks to the server exactly as when the server serves dist/client itself.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { withTestHooks } from '../../../server/http/pages.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.wav': 'audio/wav',
};

export interface BuildSite {
  url: string;
  /** Paths of the build's files served so far, in order. */
  served: string[];
  close: () => void;
}

export async function serveBuild(dir: string, target: string): Promise<BuildSite> {
  const upstream = new URL(target);
  const served: string[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = normalize(join(dir, pathname === '/' ? 'index.html' : pathname));
    if (req.method === 'GET' && file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
      served.push(pathname);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      // The benchmark reads window.__layover, which the client installs only on pages marked for tests.
      if (extname(file) === '.html') res.end(withTestHooks(readFileSync(file, 'utf8'), true));
      else createReadStream(file).pipe(res);
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('upgrade', (req, socket, head) => {
    const tunnel = connect(Number(upstream.port), upstream.hostname, () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      tunnel.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      tunnel.write(head);
      socket.pipe(tunnel).pipe(socket);
    });
    tunnel.on('error', () => socket.destroy());
    socket.on('error', () => tunnel.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
