import type { Application } from 'express';
import { bearerToken } from '../auth/sessions.ts';
import { services } from '../services.ts';
import { sendError } from './errors.ts';

/** GET /metrics in Prometheus text format; behind `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export function mountMetricsRoutes(app: Application): void {
  app.get('/metrics', async (req, res) => {
    const { config, oracle } = services();
    if (config.metricsToken && bearerToken(req.headers.authorization) !== config.metricsToken)
      return sendError(res, 401, 'unauthorized', 'send the metrics token as a bearer token');
    const body = oracle ? await oracle.renderMetrics() : '# the oracle is not running in this process\n';
    res.type('text/plain; version=0.0.4').send(body);
  });
}
