import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** Body size the front door buffers to retry a request on another worker (the API accepts 16 KiB). */
const MAX_BODY_BYTES = 1 << 20;
/** How long a worker that refused a connection is skipped. */
const DOWN_MS = 2_000;

export interface FrontDoor {
  url: string;
  port: number;
  /** Routes `/<prefix>/...` websockets (and HTTP) to `origin` (http://host:port) and adds it to the HTTP rotation. */
  setWorker: (prefix: string, origin: string) => void;
  removeWorker: (prefix: string) => void;
  close: () => Promise<void>;
}

type Worker = { prefix: string; host: string; port: number; downUntil: number };

/** One address for browsers: plain HTTP spread across workers, each websocket piped to the worker its path names. */
export async function startFrontDoor(options: {
  port: number;
  host: string;
  log?: (line: string) => void;
}): Promise<FrontDoor> {
  const log = options.log ?? (() => {});
  const workers = new Map<string, Worker>();
  const sockets = new Set<Socket>();
  let turn = 0;

  // A path that starts with a worker's prefix goes to that worker, prefix stripped; anything else takes turns.
  const route = (url: string, tried: Set<Worker>): { worker: Worker; path: string } | undefined => {
    const prefix = /^\/([^/?]+)/.exec(url)?.[1];
    const named = prefix ? workers.get(prefix) : undefined;
    if (named) {
      const rest = url.slice(prefix!.length + 1);
      return tried.has(named) ? undefined : { worker: named, path: rest.startsWith('/') ? rest : `/${rest}` };
    }
    const now = Date.now();
    const all = [...workers.values()].filter((worker) => !tried.has(worker));
    const up = all.filter((worker) => worker.downUntil <= now);
    const pool = up.length ? up : all;
    if (!pool.length) return undefined;
    return { worker: pool[turn++ % pool.length]!, path: url };
  };

  const forwarded = (req: IncomingMessage) => ({
    'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', '),
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': 'http',
  });

  const proxyHttp = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<Worker>) => {
    const target = route(req.url ?? '/', tried);
    if (!target) return fail(res, 502, 'no worker is up; try again in a few seconds');
    tried.add(target.worker);
    const upstream = request(
      {
        host: target.worker.host,
        port: target.worker.port,
        method: req.method,
        path: target.path,
        headers: { ...withoutFraming(req), ...forwarded(req), 'content-length': String(body.length) },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Refused means the request never arrived: safe to replay on another worker.
      if (error.code === 'ECONNREFUSED') {
        target.worker.downUntil = Date.now() + DOWN_MS;
        if (!res.headersSent) return proxyHttp(req, res, body, tried);
      }
      if (!res.headersSent) fail(res, 502, `worker ${target.worker.prefix}: ${error.code ?? error.message}`);
      else res.destroy(error);
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return fail(res, 413, 'request body too large');
      proxyHttp(req, res, Buffer.concat(chunks), new Set());
    });
  });

  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = route(req.url ?? '/', new Set());
    if (!target) return client.destroy();
    const upstream = connect(target.worker.port, target.worker.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
    }
    // Either side gone (a worker killed, a tab closed) ends the other: the client sees the drop at once.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('connect', () => {
      const headers: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        if (!req.rawHeaders[i]!.toLowerCase().startsWith('x-forwarded-'))
          headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      for (const [name, value] of Object.entries(forwarded(req))) headers.push(`${name}: ${value}`);
      upstream.write(`${req.method} ${target.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  log(`front door: listening on ${url}`);
  return {
    url,
    port,
    setWorker: (prefix, origin) => {
      const { hostname, port: workerPort } = new URL(origin);
      workers.set(prefix, { prefix, host: hostname, port: Number(workerPort), downUntil: 0 });
      log(`front door: /${prefix}/ -> ${origin}`);
    },
    removeWorker: (prefix) => void workers.delete(prefix),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// The body is sent whole with its length, so the client's chunked framing does not apply upstream.
function withoutFraming(req: IncomingMessage): IncomingMessage['headers'] {
  const { 'transfer-encoding': _framing, ...headers } = req.headers;
  return headers;
}

function fail(res: ServerResponse, status: number, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: status === 413 ? 'bodyTooLarge' : 'badGateway', detail }));
}
