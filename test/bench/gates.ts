// RPC calls per gated join and gate-check latency, against a real server and anvil behind a counting JSON-RPC proxy.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { Client } from '@colyseus/sdk';
import { getAddress } from 'viem';
import { startAnvil } from '../../server/chain/anvil.ts';
import { evaluateGate } from '../../server/domain/gates.ts';
import { postJson, startTestLayover } from '../support/layover.ts';

const WALLETS = 20;
const JOINS = 100;
const CHECKS = 100;

/** Forwards JSON-RPC to anvil and counts every call (each item of a batch counts once). */
function countingProxy(target: string): Promise<{ url: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        const parsed = JSON.parse(body.toString());
        calls += Array.isArray(parsed) ? parsed.length : 1;
      } catch {
        calls += 1;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: 'POST', path: '/', headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, calls: () => calls, close: () => server.close() });
    }),
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const anvil = await startAnvil();
const proxy = await countingProxy(anvil.rpcUrl);
const layover = await startTestLayover({ rpcUrl: proxy.url });
try {
  const wallets: { token: string; address: string }[] = [];
  for (let i = 0; i < WALLETS; i++) {
    const { body } = await postJson(`${layover.url}/auth/test-wallet`, { name: `Bench ${i}` });
    wallets.push({ token: body.token, address: body.address });
  }

  // Background polling (Transfer watcher, re-checks) goes on whether anyone joins or not: measure and subtract it.
  const idleStart = proxy.calls();
  const idleMs = 5000;
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const backgroundPerMs = (proxy.calls() - idleStart) / idleMs;

  const joinMs: number[] = [];
  const perJoinCalls: { cold: boolean; calls: number }[] = [];
  const startedAt = Date.now();
  const callsAtStart = proxy.calls();
  for (let i = 0; i < JOINS; i++) {
    const wallet = wallets[i % WALLETS]!;
    const before = proxy.calls();
    const t0 = performance.now();
    const room = await new Client(layover.url).joinOrCreate('vip', { token: wallet.token });
    const elapsed = performance.now() - t0;
    joinMs.push(elapsed);
    perJoinCalls.push({ cold: i < WALLETS, calls: proxy.calls() - before - backgroundPerMs * elapsed });
    await room.leave();
  }
  const loopMs = Date.now() - startedAt;
  const netCalls = proxy.calls() - callsAtStart - backgroundPerMs * loopMs;

  const rule = layover.ctx.gates.rules.get('vip')!;
  const reader = layover.ctx.gates.reader;
  const checkMs: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const address = getAddress(wallets[i % WALLETS]!.address);
    const t0 = performance.now();
    evaluateGate(rule, await reader.holdingsFor(address, rule));
    checkMs.push(performance.now() - t0);
  }
  const coldMs: number[] = [];
  for (const wallet of wallets) {
    const address = getAddress(wallet.address);
    reader.invalidate([address]);
    const t0 = performance.now();
    evaluateGate(rule, await reader.holdingsFor(address, rule));
    coldMs.push(performance.now() - t0);
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const warm = perJoinCalls.filter((j) => !j.cold).map((j) => j.calls);
  const cold = perJoinCalls.filter((j) => j.cold).map((j) => j.calls);
  const f = (n: number) => n.toFixed(2);
  console.log(
    `Gated joins: ${JOINS} joins of 'vip' by ${WALLETS} Gold holders; Node ${process.version}, ${cpus().length} cores; anvil on localhost`,
  );
  console.log(`background RPC while idle: ${f(backgroundPerMs * 1000)} calls/s (subtracted below)`);
  console.log('| Measure | Value |');
  console.log('| --- | ---: |');
  console.log(`| RPC calls per join, all ${JOINS} | ${f(netCalls / JOINS)} |`);
  console.log(`| RPC calls per join, first join of a wallet (cold, ${cold.length}) | ${f(mean(cold))} |`);
  console.log(`| RPC calls per join, warm (${warm.length}) | ${f(Math.max(0, mean(warm)))} |`);
  console.log(
    `| join round trip p50 / p95 (ms) | ${f(percentile(joinMs, 50))} / ${f(percentile(joinMs, 95))} |`,
  );
  console.log(
    `| gate check, warm, p50 / p95 (ms, ${CHECKS}) | ${f(percentile(checkMs, 50))} / ${f(percentile(checkMs, 95))} |`,
  );
  console.log(
    `| gate check, cold cache, p50 / p95 (ms, ${WALLETS}) | ${f(percentile(coldMs, 50))} / ${f(percentile(coldMs, 95))} |`,
  );
} finally {
  await layover.stop();
  proxy.close();
  await anvil.stop();
}
