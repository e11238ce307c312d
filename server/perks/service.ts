import { type StartPrizeIndexerParameters, startPrizeIndexer } from '../chain/prize-indexer.ts';
import type { AppContext } from '../context.ts';
import { expirePerks, PERK_EXPIRY_SWEEP_MS } from './expiry.ts';

/**
 * The perks' background work of this process: the prize indexer (PrizeRedeemed -> perks; only where this process
 * runs the oracle) and the expiry sweep. Returns stop.
 */
export function startPerkServices(
  ctx: Pick<AppContext, 'ledger' | 'clock' | 'config' | 'logger' | 'custodyAddress' | 'content'>,
  chain: Pick<StartPrizeIndexerParameters, 'client' | 'prizes' | 'fromBlock' | 'leadership'>,
): () => Promise<void> {
  const indexer = ctx.config.oracle.enabled
    ? startPrizeIndexer(ctx, { ...chain, logRange: BigInt(ctx.config.chainLogRange) })
    : undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = expirePerks(ctx.ledger.db, new Date(ctx.clock.now())).catch((err: unknown) =>
      ctx.logger.warn({ err }, 'perk expiry sweep failed'),
    );
  };
  const timer = setInterval(sweep, PERK_EXPIRY_SWEEP_MS);
  timer.unref?.();
  sweep();
  return async () => {
    clearInterval(timer);
    await sweeping;
    await indexer?.stop();
  };
}
