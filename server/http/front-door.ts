import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import type { AppContext } from '../context.ts';
import { requestClientIp, type TrustProxy, trustProxyFrom } from './client-ip.ts';
import { RoomLeases } from './front-door-leases.ts';
import { guardSeatReservations } from './front-door-seats.ts';

/** Join bodies carry a token and a few ids: the same 16 KiB as every JSON route (Colyseus' router reads any size). */
export const JOIN_BODY_LIMIT_BYTES = 16 * 1024;

/** Headers Colyseus reads a client's address from, first one wins (`AuthContext.ip` in every room). */
const CLIENT_IP_HEADERS = ['x-real-ip', 'x-client-ip'] as const;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The join surface of one process, installed once Colyseus has bound its routes (after `listen`): join bodies capped
 * before its router buffers them, the client address decided by TRUST_PROXY for the matchmaker and sockets alike,
 * seats only for a valid session and within the room caps. Returns a function that takes it all down.
 */
export function openFrontDoor(server: Server, ctx: AppContext): () => Promise<void> {
  const trust = trustProxyFrom(ctx.config.trustProxy);
  const leases = new RoomLeases(ctx.presence, ctx.config.roomCaps);
  const stopObserving = leases.observe(matchMaker.getAllHandlers());
  const stopGuarding = guardSeatReservations(ctx, leases);

  const inner = server.listeners('request') as RequestListener[];
  const dispatch: RequestListener = (req, res) => {
    for (const listener of inner) listener.call(server, req, res);
  };
  const onRequest: RequestListener = (req, res) => {
    pinClientIp(req, trust);
    if (!isJoinWithBody(req)) return dispatch(req, res);
    readCappedBody(req, JOIN_BODY_LIMIT_BYTES).then(
      (raw) => {
        // Colyseus' router (better-call) reads a pre-read body from here instead of the stream.
        Object.assign(req, { body: raw, _body: true });
        dispatch(req, res);
      },
      () => refuseTooLarge(req, res),
    );
  };
  const onUpgrade = (req: IncomingMessage) => pinClientIp(req, trust);
  server.removeAllListeners('request');
  server.on('request', onRequest);
  server.prependListener('upgrade', onUpgrade);

  return async () => {
    server.off('upgrade', onUpgrade);
    server.off('request', onRequest);
    for (const listener of inner) server.on('request', listener);
    stopGuarding();
    stopObserving();
    await leases.stop();
  };
}

/** Replaces whatever address headers the client sent with the one TRUST_PROXY believes, for Colyseus to read. */
function pinClientIp(req: IncomingMessage, trust: TrustProxy): void {
  const ip = requestClientIp(req, trust);
  for (const name of CLIENT_IP_HEADERS) delete req.headers[name];
  req.headers['x-real-ip'] = ip;
}

/** A matchmaking call (any case, any doubled slash) that carries a body: what Colyseus' router would buffer. */
function isJoinWithBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  const path =
    (req.url ?? '')
      .split('?')[0]
      ?.replace(/\/{2,}/g, '/')
      .toLowerCase() ?? '';
  return path.startsWith('/matchmake');
}

/** The body as text, or a rejection as soon as it passes `limit` bytes (by its Content-Length, or as it streams). */
function readCappedBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new Error('too large'));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(new Error('too large'));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** 413 with the same JSON shape as Colyseus' own matchmaking errors, then the connection is closed. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({
    code: 413,
    error: 'bodyTooLarge',
    detail: `join requests are limited to ${JOIN_BODY_LIMIT_BYTES / 1024} KiB`,
  });
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body, () => req.destroy());
}
