import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.ts';
import { mountMetricsRoutes, secretsMatch } from '../../server/http/metrics-routes.ts';
import type { RunningLayover } from '../../server/main.ts';
import { createMetrics } from '../../server/observability/metrics.ts';
import { startTestLayover } from '../support/layover.ts';

const TOKEN = 'metrics-token-0123456789';

let layover: RunningLayover;

beforeAll(async () => {
  layover = await startTestLayover({ metricsPort: 0 });
});

afterAll(async () => {
  await layover?.stop();
});

describe('/metrics without METRICS_TOKEN', () => {
  it('is not served on the main port (behind a proxy every peer there looks local)', async () => {
    const response = await fetch(`${layover.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('layover_');
  });

  it('is served on the METRICS_PORT listener, bound to loopback', async () => {
    expect(layover.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${layover.metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('layover_');
    expect((await fetch(`${layover.metricsUrl}/health`)).status).toBe(404);
  });
});

describe('/metrics with METRICS_TOKEN on the main port', () => {
  let server: ReturnType<express.Application['listen']>;
  let url: string;
  beforeAll(async () => {
    const app = express();
    const ctx = { config: { metricsToken: TOKEN }, metrics: createMetrics() } as unknown as AppContext;
    mountMetricsRoutes(app, ctx);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers the token and refuses a wrong, shorter, longer or missing one', async () => {
    const withToken = (token?: string) =>
      fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken(TOKEN)).status).toBe(200);
    for (const wrong of [undefined, 'x', TOKEN.slice(0, -1), `${TOKEN}0`, TOKEN.toUpperCase()])
      expect((await withToken(wrong)).status).toBe(401);
  });

  it('compares secrets of any length without throwing (hashed before timingSafeEqual)', () => {
    expect(secretsMatch(TOKEN, TOKEN)).toBe(true);
    expect(secretsMatch('short', TOKEN)).toBe(false);
    expect(secretsMatch(undefined, TOKEN)).toBe(false);
  });
});
