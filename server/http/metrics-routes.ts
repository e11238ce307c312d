import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { bearerToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';

/** GET /metrics: the process's prom-client registry in Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export function mountMetricsRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.metrics.path, async (req, res) => {
    const { config, metrics } = ctx;
    if (config.metricsToken && bearerToken(req.headers.authorization) !== config.metricsToken)
      return sendError(res, 401, 'unauthorized', 'send the metrics token as a bearer token');
    res.type(metrics.contentType).send(await metrics.render());
  });
}
