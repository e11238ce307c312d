import type { Application, Request, Response } from 'express';
import {
  AnalyticsCsvParams,
  isoDayOf,
  type ProgramAnalyticsQuery,
  ProgramAnalyticsQuery as QuerySchema,
} from '../../shared/protocol/analytics.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { toCsv } from '../analytics/csv.ts';
import { programAnalytics } from '../analytics/program.ts';
import { AnalyticsRefresher } from '../analytics/refresher.ts';
import { flatTable } from '../analytics/tables.ts';
import type { AppContext } from '../context.ts';
import { requireCapability } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * Program analytics for analysts (and owners): every table for a period as JSON, and each table as a CSV download.
 * Both refresh the rollups first when they are older than the period needs. Mounted ahead of the /api/console 404.
 */
export function mountConsoleAnalyticsRoutes(app: Application, ctx: AppContext): void {
  // The published journeys (a publish swaps them): funnels follow the quests and steps running now.
  const quests = () => ctx.content.current().bundle.quests;
  const refresher = new AnalyticsRefresher(ctx, quests);
  const analyst = requireCapability(ctx, 'analytics');

  /** The period's tables, or undefined after answering 400 for a bad period. */
  async function tablesFor(req: Request, res: Response) {
    const query = QuerySchema.safeParse(req.query);
    if (!query.success) return void sendError(res, 400, 'invalidPeriod', describeZodError(query.error));
    const period: ProgramAnalyticsQuery = query.data;
    const now = ctx.clock.now();
    await refresher.ensureFresh(period.to >= isoDayOf(now));
    return { period, data: await programAnalytics(ctx.ledger.db, period, now, quests()) };
  }

  app.get(routes.consoleProgramAnalytics.path, analyst, async (req, res) => {
    const found = await tablesFor(req, res);
    if (found) res.set('cache-control', 'no-store').json(found.data);
  });

  app.get(routes.consoleProgramAnalyticsCsv.path, analyst, async (req, res) => {
    const params = AnalyticsCsvParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'notFound', 'no analytics table has this name');
    const found = await tablesFor(req, res);
    if (!found) return;
    const { header, rows } = flatTable(
      params.data.table,
      found.data,
      found.period.lang,
      ctx.content.current().bundle,
    );
    const name = `layover-${params.data.table}-${found.period.from}-${found.period.to}.csv`;
    res
      .set('cache-control', 'no-store')
      .set('content-type', 'text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="${name}"`)
      .send(toCsv(header, rows));
  });
}
