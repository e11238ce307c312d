// The load generator of the partner activity bench: `concurrency` workers on keep-alive sockets, each posting one
// signed activity (unique Idempotency-Key) after another; only responses that end inside the measuring window count.
import { Agent, request } from 'node:http';
import { percentile } from '../scale/report.ts';
import { signedHeaders } from './sign.ts';

export interface LoadOptions {
  url: string;
  partnerId: string;
  secret: string;
  /** Member numbers to credit, taken in turn (so concurrent requests name different members). */
  memberNumbers: readonly string[];
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  /** Makes this run's Idempotency-Keys unique. */
  tag: string;
  /** Called when the measuring window opens (the server marks its CPU and lag there). */
  onWindow?: () => Promise<void>;
}

export interface LoadResult {
  /** Credited responses that ended inside the window. */
  accepted: number;
  acceptedPerSecond: number;
  windowMs: number;
  /** Latency of every response that ended inside the window, ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Failed responses in the window by `<status> <code>` (or the socket error). */
  errors: Record<string, number>;
  /** Credited responses over the whole run (warm-up and tail included): the ledger must hold exactly these. */
  creditedTotal: number;
  /** CPU of this process over the window, as a share of one core. */
  generatorCores: number;
}

interface Reply {
  status: number;
  body: string;
}

/** Runs warm-up then the measuring window at a fixed concurrency; resolves once every worker has stopped. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, partnerId, secret, memberNumbers, concurrency } = options;
  const target = new URL('/api/partners/v1/activities', url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  let seq = 0;
  let creditedTotal = 0;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let accepted = 0;

  const post = (): Promise<Reply> => {
    const n = seq++;
    const body = JSON.stringify({
      type: 'flight',
      member: { memberNumber: memberNumbers[n % memberNumbers.length] },
      units: 200 + (n % 4800),
      occurredAt,
      description: `Flight SK ${100 + (n % 900)} HKG-SGN`,
      reference: `${options.tag}-${n}`,
    });
    const headers = {
      ...signedHeaders(partnerId, secret, body),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'idempotency-key': `bench-${options.tag}-${n}`,
    };
    return new Promise((resolve, reject) => {
      const req = request(target, { method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  };

  const started = performance.now();
  const windowStart = started + options.warmupMs;
  const windowEnd = windowStart + options.measureMs;
  let cpuAtWindow: NodeJS.CpuUsage | undefined;
  let cpuInWindow: NodeJS.CpuUsage | undefined;
  const opened = new Promise<void>((resolve) =>
    setTimeout(() => {
      cpuAtWindow = process.cpuUsage();
      void (options.onWindow?.() ?? Promise.resolve()).then(resolve);
    }, options.warmupMs),
  );
  const closed = new Promise<void>((resolve) =>
    setTimeout(() => {
      cpuInWindow = process.cpuUsage(cpuAtWindow);
      resolve();
    }, options.warmupMs + options.measureMs),
  );

  const worker = async () => {
    while (performance.now() < windowEnd) {
      const sentAt = performance.now();
      let outcome: string;
      try {
        const reply = await post();
        const credited = reply.status < 300 && JSON.parse(reply.body).status === 'credited';
        if (credited) creditedTotal++;
        outcome = credited ? 'ok' : `${reply.status} ${errorCode(reply.body)}`;
      } catch (error) {
        outcome = `socket ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      }
      const endedAt = performance.now();
      if (endedAt < windowStart || endedAt > windowEnd) continue;
      latencies.push(endedAt - sentAt);
      if (outcome === 'ok') accepted++;
      else errors[outcome] = (errors[outcome] ?? 0) + 1;
    }
  };
  await Promise.all([opened, closed, ...Array.from({ length: concurrency }, worker)]);
  agent.destroy();
  const cpu = cpuInWindow ?? { user: 0, system: 0 };
  return {
    accepted,
    acceptedPerSecond: accepted / (options.measureMs / 1000),
    windowMs: options.measureMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.reduce((most, value) => Math.max(most, value), 0),
    errors,
    creditedTotal,
    generatorCores: (cpu.user + cpu.system) / 1000 / options.measureMs,
  };
}

function errorCode(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; status?: unknown };
    return String(parsed.error ?? parsed.status ?? '?');
  } catch {
    return 'not-json';
  }
}
