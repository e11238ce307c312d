import compression from 'compression';
import express, { type Application, type ErrorRequestHandler } from 'express';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { API_PREFIXES, routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import type { Mail } from '../mail/mailer.ts';
import { mountAccountRoutes } from './account-routes.ts';
import { mountAuthRoutes } from './auth-routes.ts';
import { mountAvatarRoutes } from './avatar-routes.ts';
import { mountBrandRoutes, mountBrandUploadRoute } from './brand-routes.ts';
import { mountCampaignRoutes } from './campaign-routes.ts';
import { trustProxyFrom } from './client-ip.ts';
import { mountConsoleAnalyticsRoutes } from './console-analytics-routes.ts';
import { mountConsoleCheckinRoutes } from './console-checkin-routes.ts';
import { mountConsolePassRoutes } from './console-pass-routes.ts';
import { mountConsolePointsRoutes } from './console-points-routes.ts';
import { mountConsoleRoutes } from './console-routes.ts';
import { mountConsoleSupportRoutes } from './console-support-routes.ts';
import { mountConsoleTeamRoutes } from './console-team-routes.ts';
import { mountContentRoutes } from './content-routes.ts';
import { mountEmailRoutes } from './email-routes.ts';
import { sendError } from './errors.ts';
import { mountLeaderboardRoutes } from './leaderboard-routes.ts';
import { mountLiveEventRoutes } from './live-event-routes.ts';
import { mountMediaRoutes } from './media-routes.ts';
import { mountMetadataRoutes } from './metadata-routes.ts';
import { mountMetricsRoutes } from './metrics-routes.ts';
import { mountOidcRoutes } from './oidc-routes.ts';
import { mountBuiltPages } from './pages.ts';
import { mountPartnerRoutes } from './partner-routes.ts';
import { mountPasskeyRoutes } from './passkey-routes.ts';
import { mountPerkRoutes } from './perk-routes.ts';
import { mountPointsRoutes } from './points-routes.ts';
import { mountRelayRoutes } from './relay-routes.ts';
import { mountRpcRoutes } from './rpc-routes.ts';
import { apiSecurityHeaders, pageSecurityHeaders } from './security-headers.ts';
import { mountSignInOptionsRoutes } from './sign-in-options-routes.ts';
import { mountSiweRoutes } from './siwe-routes.ts';

export interface HttpOptions {
  /** Folder of the built client (dist/client); ignored when `viteMiddleware` is given. */
  clientDir: string;
  viteMiddleware?: express.RequestHandler;
  testWalletRpcUrl: string | undefined;
  /** PUBLIC_URL; token metadata links images under it (the request's own host when unset). */
  publicUrl?: string | undefined;
  /** Outgoing mail (email codes) and, on the dev chain without SMTP_URL, the dev mailbox. */
  mail: Mail;
}

/** Routes of the one HTTP server: health, auth, API, and the client (built, or Vite's in dev). */
export function mountHttp(app: Application, ctx: AppContext, options: HttpOptions): void {
  app.disable('x-powered-by');
  // TRUST_PROXY alone decides whose X-Forwarded-For names the client (req.ip); none by default.
  app.set('trust proxy', trustProxyFrom(ctx.config.trustProxy));
  app.use(apiSecurityHeaders);
  // Every text response over 1 KiB goes out brotli or gzip (quality 4: cheap per request); built files come
  // precompressed at quality 11 (precompressed-static.ts), which this middleware leaves as they are.
  app.use(compression({ threshold: 1024 }));
  mountPartnerRoutes(app, ctx); // before the JSON parser: partner signatures cover the raw body
  mountBrandUploadRoute(app, ctx); // before the JSON parser: an image is bytes whatever its content-type says
  app.use(express.json({ limit: '16kb' }));

  app.get(routes.health.path, (_req, res) => {
    const { chain } = ctx;
    const body: HealthResponse = {
      ok: true,
      chainId: chain.chainId,
      contracts: chain.contracts,
      testWallet: options.testWalletRpcUrl !== undefined,
      rpcUrl: routes.rpc.path,
      media: ctx.media?.status ?? 'off',
    };
    res.json(body);
  });

  mountAuthRoutes(app, ctx, { testWalletRpcUrl: options.testWalletRpcUrl });
  mountSiweRoutes(app, ctx);
  mountSignInOptionsRoutes(app, ctx, {
    email: options.mail.available,
    devMailbox: options.mail.mailbox !== undefined,
  });
  mountEmailRoutes(app, ctx, options.mail);
  mountPasskeyRoutes(app, ctx);
  mountOidcRoutes(app, ctx);
  mountAccountRoutes(app, ctx);
  mountAvatarRoutes(app, ctx);
  mountMetadataRoutes(app, ctx, { publicUrl: options.publicUrl });
  mountLeaderboardRoutes(app, ctx);
  mountMetricsRoutes(app, ctx);
  mountRpcRoutes(app, ctx);
  mountLiveEventRoutes(app, ctx);
  mountContentRoutes(app, ctx);
  mountPointsRoutes(app, ctx);
  mountRelayRoutes(app, ctx);
  mountMediaRoutes(app, ctx);
  // Before the console's own routes: those end with the /api/console 404.
  mountConsoleSupportRoutes(app, ctx);
  mountConsolePointsRoutes(app, ctx);
  mountConsoleCheckinRoutes(app, ctx);
  mountConsolePassRoutes(app, ctx);
  mountConsoleAnalyticsRoutes(app, ctx);
  mountConsoleTeamRoutes(app, ctx);
  mountPerkRoutes(app, ctx);
  mountCampaignRoutes(app, ctx);
  mountBrandRoutes(app, ctx);
  mountConsoleRoutes(app, ctx);
  app.use([...API_PREFIXES], (_req, res) => sendError(res, 404, 'notFound'));

  app.use(pageSecurityHeaders(ctx.config));
  if (options.viteMiddleware) {
    app.use(options.viteMiddleware);
  } else {
    mountBuiltPages(app, options.clientDir, ctx.config.testHooks);
  }

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status === 400 && error?.type === 'entity.parse.failed') return sendError(res, 400, 'invalidJson');
    if (status === 413) return sendError(res, 413, 'bodyTooLarge', 'request bodies are limited to 16 KiB');
    ctx.logger.error({ err: error }, 'request failed');
    sendError(res, status >= 400 && status < 600 ? status : 500, 'internal');
  };
  app.use(onError);
}
