import type { AppContext } from '../context.ts';
import { runExpiry } from './expiry-job.ts';
import { refundFailedPurchases } from './purchase-refund.ts';

/** How often points expire (and notices go out): hourly is well inside a day, the rule's unit. */
export const EXPIRY_INTERVAL_MS = 3_600_000;
/** How often pending prize purchases are settled (refunded when their mint failed). */
export const REFUND_INTERVAL_MS = 5_000;

/** Runs `task` now and every `intervalMs`, never two at once; the timer does not keep the process alive. */
function every(
  ctx: Pick<AppContext, 'logger'>,
  what: string,
  intervalMs: number,
  task: () => Promise<unknown>,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = task()
      .then(() => undefined)
      .catch((err: unknown) => ctx.logger.warn({ err }, `points job failed: ${what}`))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Starts the points background work of this process (expiry hourly, the refund sweep every 5 s); returns stop. */
export function startPointsJobs(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>,
): () => Promise<void> {
  const now = () => new Date(ctx.clock.now());
  const stops = [
    every(ctx, 'expiry', EXPIRY_INTERVAL_MS, () => runExpiry(ctx, now())),
    every(ctx, 'refunds', REFUND_INTERVAL_MS, () => refundFailedPurchases(ctx, now())),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
