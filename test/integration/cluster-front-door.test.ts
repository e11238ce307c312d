import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { type FrontDoor, startNginx } from '../../server/cluster/nginx.ts';

// The real nginx in front of stand-in workers that echo what reached them: routing, headers, upgrades, reloads.
interface Echo {
  name: string;
  server: Server;
  origin: string;
}
interface Heard {
  worker: string;
  url: string;
  method: string;
  body: string;
  headers: IncomingHttpHeaders;
}

let dir: string | undefined;
let door: FrontDoor | undefined;
const echoes: Echo[] = [];

async function echo(name: string): Promise<Echo> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const heard: Heard = {
        worker: name,
        url: req.url ?? '',
        method: req.method ?? '',
        body,
        headers: req.headers,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(heard));
    });
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, req) =>
    socket.send(JSON.stringify({ worker: name, url: req.url, ip: req.headers['x-real-ip'] })),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const found = { name, server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  echoes.push(found);
  return found;
}

async function get(path: string, init?: RequestInit): Promise<Heard> {
  const response = await fetch(`${door!.url}${path}`, init);
  expect(response.status).toBe(200);
  return (await response.json()) as Heard;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-front-door-'));
  door = await startNginx({ port: 0, host: '127.0.0.1', dir });
  for (const name of ['p1', 'p2']) await door.setWorker(name, (await echo(name)).origin);
});

afterAll(async () => {
  await door?.close();
  for (const { server } of echoes) {
    server.closeAllConnections();
    server.close();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('nginx as the cluster front door', () => {
  it('sends /<worker>/ paths to that worker with the prefix stripped and the query kept', async () => {
    expect(await get('/p1/proc-a/room-1?sessionId=s1')).toMatchObject({
      worker: 'p1',
      url: '/proc-a/room-1?sessionId=s1',
    });
    expect(await get('/p2/proc-b/room-2')).toMatchObject({ worker: 'p2', url: '/proc-b/room-2' });
  });

  it('spreads other requests, bodies included, over every worker', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const heard = await get('/matchmake/joinOrCreate/lounge', { method: 'POST', body: '{"token":"t"}' });
      expect(heard).toMatchObject({
        url: '/matchmake/joinOrCreate/lounge',
        method: 'POST',
        body: '{"token":"t"}',
      });
      seen.add(heard.worker);
    }
    expect(seen).toEqual(new Set(['p1', 'p2']));
  });

  it('passes the client address on: X-Forwarded-For appended, X-Real-IP overwritten, Host kept', async () => {
    const { headers } = await get('/api/health', {
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '6.6.6.6' },
    });
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(headers['x-real-ip']).toBe('127.0.0.1');
    expect(headers.host).toBe(new URL(door!.url).host);
    expect(headers['x-forwarded-proto']).toBe('http');
    expect((await get('/api/health')).headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('upgrades a websocket under a worker prefix to that worker', async () => {
    const socket = new WebSocket(`${door!.url.replace('http', 'ws')}/p2/proc-b/room-2?sessionId=s2`);
    const first = await new Promise<string>((done, fail) => {
      socket.once('message', (data) => done(data.toString()));
      socket.once('error', fail);
    });
    socket.close();
    expect(JSON.parse(first)).toEqual({ worker: 'p2', url: '/proc-b/room-2?sessionId=s2', ip: '127.0.0.1' });
  });

  it('follows a worker restarted on a new port, and skips a worker that refuses connections', async () => {
    const old = echoes.find((found) => found.name === 'p1')!;
    await new Promise((done) => old.server.close(done));
    const moved = await echo('p1-moved');
    await door!.setWorker('p1', moved.origin);
    expect(await get('/p1/proc-a/room-1')).toMatchObject({ worker: 'p1-moved', url: '/proc-a/room-1' });

    const p2 = echoes.find((found) => found.name === 'p2')!;
    p2.server.closeAllConnections();
    await new Promise((done) => p2.server.close(done));
    for (let i = 0; i < 4; i++)
      expect((await get('/api/health', { method: 'POST' })).worker).toBe('p1-moved');

    await door!.removeWorker('p1');
    await door!.removeWorker('p2');
    const empty = await fetch(`${door!.url}/api/health`);
    expect(empty.status).toBe(502);
    expect(await empty.json()).toMatchObject({ error: 'badGateway' });
  });
});
