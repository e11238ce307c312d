import type { AnalyticsTable, ProgramAnalytics } from '../../../shared/protocol/analytics.ts';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { ApiError, callRoute, routeUrl } from '../../core/http.ts';
import type { Period } from './period.ts';

// The analytics page's calls (issue 20): every table of a period, and one table as a CSV file.

/** Every table of the period, from the server's rollups. */
export const fetchProgramAnalytics = (token: string, period: Period) =>
  callRoute<ProgramAnalytics>(routes.consoleProgramAnalytics, { token, query: { ...period } });

/** The published content, for quest, step, stamp and prize names in the operator's language. */
export const fetchNames = () => callRoute<MemberContent>(routes.content);

/** PathParams reads `:table.csv` as one name; routePath (and Express) read the parameter `table` before `.csv`. */
const csvParams = (table: AnalyticsTable) => ({ table }) as unknown as { 'table.csv': string };

/** Fetches one table as CSV (names in `lang`) and hands it to the browser as a download. */
export async function downloadTableCsv(token: string, table: AnalyticsTable, period: Period, lang: string) {
  const url = routeUrl(routes.consoleProgramAnalyticsCsv, {
    params: csvParams(table),
    query: { ...period, lang },
  });
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (cause) {
    throw new ApiError('network', 0, undefined, { cause });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; detail?: string };
    throw new ApiError(body.error ?? 'internal', response.status, body.detail);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name ?? `${table}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
