import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Application, type ErrorRequestHandler } from 'express';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { services } from '../services.ts';
import { mountAuthRoutes } from './auth-routes.ts';
import { mountConsoleRoutes } from './console-routes.ts';
import { sendError } from './errors.ts';
import { mountLeaderboardRoutes } from './leaderboard-routes.ts';
import { mountLiveEventRoutes } from './live-event-routes.ts';
import { mountMetadataRoutes } from './metadata-routes.ts';
import { mountMetricsRoutes } from './metrics-routes.ts';
import { mountRpcRoutes } from './rpc-routes.ts';
import { mountSiweRoutes } from './siwe-routes.ts';

export interface HttpOptions {
  /** Folder of the built client (dist/client); ignored when `viteMiddleware` is given. */
  clientDir: string;
  viteMiddleware?: express.RequestHandler;
  testWalletRpcUrl: string | undefined;
  /** PUBLIC_URL; token metadata links images under it (the request's own host when unset). */
  publicUrl?: string | undefined;
}

/** Routes of the one HTTP server: health, auth, API, and the client (built, or Vite's in dev). */
export function mountHttp(app: Application, options: HttpOptions): void {
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '16kb' }));

  app.get('/health', (_req, res) => {
    const { chain } = services();
    const body: HealthResponse = {
      ok: true,
      chainId: chain.chainId,
      contracts: chain.contracts,
      testWallet: options.testWalletRpcUrl !== undefined,
      rpcUrl: '/rpc',
    };
    res.json(body);
  });

  mountAuthRoutes(app, { testWalletRpcUrl: options.testWalletRpcUrl });
  mountSiweRoutes(app);
  mountMetadataRoutes(app, { publicUrl: options.publicUrl });
  mountLeaderboardRoutes(app);
  mountMetricsRoutes(app);
  mountRpcRoutes(app);
  mountLiveEventRoutes(app);
  mountConsoleRoutes(app);
  app.use(['/api', '/auth'], (_req, res) => sendError(res, 404, 'notFound'));

  if (options.viteMiddleware) {
    app.use(options.viteMiddleware);
  } else {
    const index = join(options.clientDir, 'index.html');
    app.get('/', (_req, res) => {
      if (!existsSync(index)) return sendError(res, 503, 'clientNotBuilt', 'run `npm run build` first');
      res.sendFile(index);
    });
    const consolePage = join(options.clientDir, 'console.html');
    app.get(['/console', '/console.html'], (_req, res) => {
      if (!existsSync(consolePage)) return sendError(res, 503, 'clientNotBuilt', 'run `npm run build` first');
      res.sendFile(consolePage);
    });
    app.use(express.static(options.clientDir, { index: false, maxAge: '1h' }));
  }

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status === 400 && error?.type === 'entity.parse.failed') return sendError(res, 400, 'invalidJson');
    if (status === 413) return sendError(res, 413, 'bodyTooLarge', 'request bodies are limited to 16 KiB');
    console.error('Layover: request failed', error);
    sendError(res, status >= 400 && status < 600 ? status : 500, 'internal');
  };
  app.use(onError);
}
