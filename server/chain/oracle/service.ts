import type { Presence } from '@colyseus/core';
import type { Address, Hex, PublicClient } from 'viem';
import type { DeliveryUpdate } from '../../../shared/protocol/quests.ts';
import type { OracleSettings } from '../../config.ts';
import type { Ledger } from '../../db/open.ts';
import { publishToMember } from '../../members/member-channel.ts';
import { claimIdFor, claimPrefix, deliveryState } from '../../prizes/claims.ts';
import { shownRecipient } from '../../prizes/custody.ts';
import { takeOracleLeadership } from './leader.ts';
import { type OutboxRow, queueStats } from './ledger.ts';
import { OracleMetrics } from './metrics.ts';
import { PrizeOracle } from './oracle.ts';

export interface OracleService {
  metrics: OracleMetrics;
  /** Prometheus text: this process's counters and the shared ledger's queue. */
  renderMetrics: () => Promise<string>;
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
  contracts: { Prizes: Address; Stamps: Address };
  settings: OracleSettings;
  log: (line: string) => void;
}): OracleService {
  const metrics = new OracleMetrics();
  const { db } = params.ledger;
  const notify = (rows: OutboxRow[]) =>
    void tellMembers(params.ledger, params.presence, rows).catch((error) =>
      params.log(`oracle: could not tell members: ${error}`),
    );
  const oracle = new PrizeOracle({ ...params, db, metrics, notify });
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
        params.log(`oracle: minting as ${oracle.address}`);
        await oracle.run(AbortSignal.any([leadership.lost, stopping.signal]));
      } catch (error) {
        if (!stopping.signal.aborted) params.log(`oracle: leadership lost (${String(error)}); trying again`);
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
    renderMetrics: async () => metrics.render(await queueStats(db)),
    wake: () => oracle.wake(),
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}

async function tellMembers(ledger: Ledger, presence: Presence, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const prefix = await claimPrefix(ledger.db);
  for (const row of rows) {
    const payload: DeliveryUpdate = {
      kind: row.kind,
      itemId: row.itemId,
      claimId: claimIdFor(prefix, row.id),
      state: deliveryState(row),
      txHash: row.txHash,
      to: shownRecipient(row),
    };
    publishToMember(presence, row.memberId, { type: 'delivery', payload });
  }
}
