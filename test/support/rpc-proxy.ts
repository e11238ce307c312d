import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy treats requests: pass everything, refuse everything, or fail every other raw-transaction send. */
export type ProxyMode = 'up' | 'down' | 'flakySends';

export interface RpcProxy {
  url: string;
  mode: ProxyMode;
  /** eth_sendRawTransaction calls seen, and how many of them were made to fail. */
  sends: { seen: number; failed: number };
  close: () => Promise<void>;
}

/**
 * A JSON-RPC proxy in front of a real node, for fault tests. In `flakySends` every other send fails, alternating
 * between never reaching the node and reaching it but answering with an error (the sender cannot tell which).
 */
export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const proxy: RpcProxy = { url: '', mode: 'up', sends: { seen: 0, failed: 0 }, close: async () => {} };
  const forward = async (body: string) => {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return response.text();
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    if (proxy.mode === 'down') {
      res.writeHead(503).end('node unavailable');
      return;
    }
    const request = JSON.parse(body) as { method?: string; id?: unknown };
    if (proxy.mode === 'flakySends' && request.method === 'eth_sendRawTransaction') {
      proxy.sends.seen += 1;
      if (proxy.sends.seen % 2 === 0) {
        proxy.sends.failed += 1;
        // Half of the failures still deliver the transaction to the node.
        if (proxy.sends.failed % 2 === 0) await forward(body);
        res.writeHead(502).end('bad gateway');
        return;
      }
    }
    const answer = await forward(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
