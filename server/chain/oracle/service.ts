import type { Presence } from '@colyseus/core';
import type { Hex, PublicClient } from 'viem';
import type { DeliveryUpdate } from '../../../shared/protocol/quests.ts';
import type { OracleSettings } from '../../config.ts';
import type { AppLogger } from '../../context.ts';
import type { Ledger } from '../../db/open.ts';
import { publishToMember } from '../../members/member-channel.ts';
import { claimIdFor, claimPrefix, deliveryState } from '../../prizes/claims.ts';
import { shownRecipient } from '../../prizes/custody.ts';
import type { OracleContracts, TokenContent } from './calls.ts';
import { takeOracleLeadership } from './leader.ts';
import { type OutboxRow, queueStats } from './ledger.ts';
import type { OracleMetrics } from './metrics.ts';
import { PrizeOracle } from './oracle.ts';

export interface OracleService {
  /** This process's oracle figures (on the server's registry, shown at /metrics). */
  metrics: OracleMetrics;
  /** Ends the oracle's idle wait (rows were just queued or released). */
  wake: () => void;
  stop: () => Promise<void>;
}

/** Starts the prize oracle: waits to lead (one per PostgreSQL ledger), then drains the outbox until stopped. */
export function startOracleService(params: {
  ledger: Ledger;
  /** Where members' delivery updates are published (their rooms listen, in any process). */
  presence: Presence;
  databaseUrl: string | undefined;
  client: PublicClient;
  minterKey: Hex;
  contracts: OracleContracts;
  /** The published content's getter (ctx.content.current): what token id each prize and stamp mints as. */
  content: () => TokenContent;
  /** Reloads the published content before a row naming an unknown prize is refused (ctx.content.refresh). */
  refreshContent?: () => Promise<void>;
  settings: OracleSettings;
  /** The server's metrics for the oracle; the queue figures are read from this ledger at scrape time. */
  metrics: OracleMetrics;
  logger: AppLogger;
}): OracleService {
  const { metrics } = params;
  const logger = params.logger.child({ component: 'oracle' });
  const { db } = params.ledger;
  metrics.watchQueue(() => queueStats(db));
  const notify = (rows: OutboxRow[]) =>
    void tellMembers(params.ledger, { presence: params.presence, logger }, rows).catch((err) =>
      logger.error({ err }, 'could not tell members of their deliveries'),
    );
  const oracle = new PrizeOracle({ ...params, db, logger, notify });
  const stopping = new AbortController();
  const running = (async () => {
    if (!params.settings.enabled) return;
    while (!stopping.signal.aborted) {
      const leadership = takeOracleLeadership(params.databaseUrl);
      const stopLeading = () => void leadership.release();
      stopping.signal.addEventListener('abort', stopLeading, { once: true });
      try {
        await leadership.acquired;
        metrics.leader = true;
        logger.info({ minter: oracle.address }, `minting as ${oracle.address}`);
        await oracle.run(AbortSignal.any([leadership.lost, stopping.signal]));
      } catch (error) {
        if (!stopping.signal.aborted) logger.warn({ err: error }, 'leadership lost; trying again');
      } finally {
        metrics.leader = false;
        stopping.signal.removeEventListener('abort', stopLeading);
        await leadership.release();
      }
      if (!stopping.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  return {
    metrics,
    wake: () => oracle.wake(),
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}

async function tellMembers(
  ledger: Ledger,
  channel: { presence: Presence; logger: AppLogger },
  rows: OutboxRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const prefix = await claimPrefix(ledger.db);
  for (const row of rows) {
    // Passes and tier changes are told through the passport's pass view, not as a stamp or prize delivery.
    if (row.kind !== 'stamp' && row.kind !== 'prize') continue;
    const payload: DeliveryUpdate = {
      kind: row.kind,
      itemId: row.itemId,
      claimId: claimIdFor(prefix, row.id),
      state: deliveryState(row),
      txHash: row.txHash,
      to: shownRecipient(row),
    };
    publishToMember(channel, row.memberId, { type: 'delivery', payload });
  }
}
