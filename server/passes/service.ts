import type { AppContext } from '../context.ts';
import { sweepPassRules } from './rules.ts';
import { learnTokenIds, queueTierChanges } from './sync.ts';

/** How often members are checked against the pass rules, and minted passes against their tier. */
export const PASS_SWEEP_MS = 30_000;

/**
 * One round of pass issuance: rules met since the last round are applied (each once per member), minted passes
 * learn their token id, and tiers raised since are queued as `setTier`; the oracle is woken when rows were queued.
 * Safe in every process at once: grants are unique per member and rule, tier changes conditional.
 */
export async function passRound(
  ctx: Pick<AppContext, 'ledger' | 'chain' | 'clock' | 'oracle'>,
): Promise<void> {
  const { db } = ctx.ledger;
  const now = ctx.clock.now();
  const looked = await sweepPassRules(db, now);
  await learnTokenIds(db, ctx.chain.publicClient);
  const queued = await queueTierChanges(db, new Date(now));
  if (looked.length > 0 || queued > 0) ctx.oracle?.wake();
}

/** Starts the pass rounds every `intervalMs` (one at a time); returns the stop function. */
export function startPassService(
  ctx: AppContext,
  options: { intervalMs?: number } = {},
): () => Promise<void> {
  const intervalMs = options.intervalMs ?? PASS_SWEEP_MS;
  let running: Promise<void> | undefined;
  let stopped = false;
  // A round still going when the next is due: that tick is skipped, rounds never pile up.
  const tick = () => {
    if (running || stopped) return;
    running = passRound(ctx)
      .catch((err: unknown) => ctx.logger.warn({ err }, 'pass round failed; the next one retries'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
