import { request } from 'node:http';
import { createServer } from 'node:net';

/** The config generation nginx serves on its control socket, or undefined while it is not answering yet. */
export function readGeneration(socketPath: string): Promise<number | undefined> {
  return new Promise((done) => {
    const req = request({ socketPath, path: '/generation', timeout: 1_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done(res.statusCode === 200 ? Number(body) : undefined));
      res.on('error', () => done(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(undefined));
    req.end();
  });
}

/** A port free on `host` now, for `PORT=0`: nginx cannot report a port the kernel picked. */
export function reservePort(host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error) => fail(new Error(`nginx: no free port on ${host}`, { cause: error })));
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error(`nginx: no free port on ${host}`))));
    });
  });
}
