import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { bearerToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';

/** GET /metrics in Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export function mountMetricsRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.metrics.path, async (req, res) => {
    const { config, oracle } = ctx;
    if (config.metricsToken && bearerToken(req.headers.authorization) !== config.metricsToken)
      return sendError(res, 401, 'unauthorized', 'send the metrics token as a bearer token');
    const body = oracle ? await oracle.renderMetrics() : '# the oracle is not running in this process\n';
    res.type('text/plain; version=0.0.4').send(body);
  });
}
