import type { Quest } from '../../shared/content/quest-schema.ts';
import type { AppContext } from '../context.ts';
import { refreshAnalytics } from './refresh.ts';

/** A period that ends before today is served from rollups at most this old. */
export const REFRESH_EVERY_MS = 15 * 60_000;
/** A period that includes today is refreshed on demand, but not more often than this. */
export const TODAY_REFRESH_MS = 60_000;

/**
 * Runs the rollups' refresh on demand, one at a time per process (PostgreSQL serialises processes): at most every
 * 15 minutes, or every minute while the console asks for a period that includes today.
 */
export class AnalyticsRefresher {
  private lastAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: Pick<AppContext, 'ledger' | 'clock' | 'logger'>,
    private readonly quests: () => readonly Quest[],
  ) {}

  /** Refreshes when the rollups are older than the period needs; waits for a refresh already running. */
  async ensureFresh(includesToday: boolean): Promise<void> {
    if (this.running) return this.running;
    const age = this.ctx.clock.now() - this.lastAt;
    if (age < (includesToday ? TODAY_REFRESH_MS : REFRESH_EVERY_MS)) return;
    this.running = this.refresh().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refresh(): Promise<void> {
    const now = this.ctx.clock.now();
    const started = Date.now();
    const outcome = await refreshAnalytics(this.ctx.ledger.db, now, this.quests());
    this.lastAt = now;
    this.ctx.logger.info({ ...outcome, ms: Date.now() - started }, 'analytics rollups refreshed');
  }
}
