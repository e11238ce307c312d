import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
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
  ctx: Pick<AppContext, 'ledger' | 'chain' | 'clock' | 'oracle' | 'content'>,
): Promise<void> {
  const { db } = ctx.ledger;
  const now = ctx.clock.now();
  // The status levels published now: a level or threshold changed in the console applies from this round.
  const looked = await sweepPassRules(db, now, ctx.content.current().questContent.levels);
  await learnTokenIds(db, ctx.chain.publicClient);
  const queued = await queueTierChanges(db, new Date(now));
  if (looked.length > 0 || queued > 0) ctx.oracle?.wake();
}

/** Every this many ticks a round runs even when the ledger's fingerprint did not move (a safety net). */
const FULL_ROUND_EVERY = 20;

/**
 * What pass rounds depend on, in one cheap read: points posted, stamps, partner activities matched, pass rows moved.
 * Status only rises with new points or stamps, so an unchanged fingerprint means a round would find nothing.
 */
async function fingerprint(db: Db): Promise<string> {
  const result = (await db.execute(sql`
    SELECT (SELECT coalesce(max(id), 0) FROM points_movements) AS movements,
           (SELECT count(*) FROM member_stamps) AS stamps,
           (SELECT count(*) FROM partner_activities WHERE status = 'credited') AS activities,
           (SELECT coalesce(max(updated_at)::text, '') FROM outbox WHERE kind IN ('pass', 'tier')) AS passes,
           (SELECT coalesce(max(updated_at)::text, '') FROM member_passes) AS tiers`)) as {
    rows: Record<string, unknown>[];
  };
  return JSON.stringify(result.rows[0] ?? {});
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
  let last = '';
  let ticks = 0;
  const round = async () => {
    // A publish can lower a level's threshold with no ledger write: the content version is part of the fingerprint.
    const now = `${ctx.content.current().version}|${await fingerprint(ctx.ledger.db)}`;
    ticks += 1;
    if (now === last && ticks % FULL_ROUND_EVERY !== 0) return;
    await passRound(ctx);
    // The state read before the round: what the round (or anything meanwhile) changed brings one more round.
    last = now;
  };
  const tick = () => {
    if (running || stopped) return;
    running = round()
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
