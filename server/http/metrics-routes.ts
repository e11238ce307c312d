import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { bearerToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { LayoverMetrics } from '../observability/metrics.ts';
import { sendError } from './errors.ts';

/** Compares two secrets in time that depends on neither (both are hashed to the same length first). */
export function secretsMatch(given: string | undefined, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given ?? ''), digest(expected)) && given !== undefined;
}

/**
 * GET /metrics on the main port: only behind `Authorization: Bearer $METRICS_TOKEN`. Without a token the figures are
 * served on METRICS_PORT alone (a loopback listener): behind a proxy every peer of the main port looks local.
 */
export function mountMetricsRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.metrics.path, async (req, res) => {
    const { config, metrics } = ctx;
    if (!config.metricsToken)
      return sendError(
        res,
        404,
        'notFound',
        'metrics are served on METRICS_PORT, or here with METRICS_TOKEN',
      );
    if (!secretsMatch(bearerToken(req.headers.authorization), config.metricsToken))
      return sendError(res, 401, 'unauthorized', 'send the metrics token as a bearer token');
    res.type(metrics.contentType).send(await metrics.render());
  });
}

export interface MetricsListener {
  /** http://host:port of the listener (the port it got when asked for 0). */
  url: string;
  close: () => Promise<void>;
}

/** The METRICS_PORT listener: GET /metrics without a token, on an address only this machine reaches by default. */
export async function startMetricsListener(
  metrics: LayoverMetrics,
  address: { host: string; port: number },
): Promise<MetricsListener> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://metrics').pathname;
    if (req.method !== 'GET' || path !== routes.metrics.path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
