import { onCredentialAdded } from '../auth/credential-sign-in.ts';
import type { AppContext } from '../context.ts';
import { matchPendingActivities, rematchWaiting } from './matching.ts';
import { seedDevPartners } from './registry.ts';
import { dropExpiredActivities } from './retention.ts';
import { deliverDue } from './webhooks.ts';

/** How often due webhooks are looked for. */
export const WEBHOOK_POLL_MS = 5_000;
/** How often waiting activities past their 90 days are dropped (and the rest matched again). */
export const RETENTION_SWEEP_MS = 3_600_000;

let hookRegistered = false;

/**
 * The partner API's background work, started once per process: demo partners on the dev chain, waiting activities
 * matched when a member gains a credential, webhooks delivered, expired activities dropped hourly. Returns stop().
 */
export async function startPartnerServices(ctx: AppContext): Promise<() => Promise<void>> {
  await seedDevPartners(ctx.ledger.db, ctx.chain.chainId);
  if (!hookRegistered) {
    hookRegistered = true;
    onCredentialAdded(async (hookCtx, memberId) => {
      await matchPendingActivities(hookCtx, memberId);
    });
  }
  let stopped = false;
  let busy = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastSweep = 0;
  const tick = async () => {
    const now = ctx.clock.now();
    await deliverDue(ctx, new Date(now));
    if (now - lastSweep >= RETENTION_SWEEP_MS) {
      lastSweep = now;
      const dropped = await dropExpiredActivities(ctx.ledger.db, new Date(now));
      if (dropped > 0) ctx.logger.info({ dropped }, 'unmatched partner activities dropped after 90 days');
      await rematchWaiting(ctx);
    }
  };
  const timer = setInterval(() => {
    // A run still going (a slow webhook) is not stacked on: the next tick looks again.
    if (stopped || busy) return;
    busy = true;
    running = tick()
      .catch((err: unknown) => ctx.logger.warn({ err }, 'partner background work failed'))
      .finally(() => {
        busy = false;
      });
  }, WEBHOOK_POLL_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
