import { eq } from 'drizzle-orm';
import type { Hex } from 'viem';
import type { DeliveryState } from '../../shared/protocol/quests.ts';
import type { Db } from '../db/open.ts';
import { ledgerMeta, type OutboxStatus } from '../db/schema.ts';
import { inCustody } from './custody.ts';

const prefixes = new WeakMap<object, Promise<string>>();

/** This ledger's 128-bit claim id prefix (32 hex digits), read once per database handle. */
export function claimPrefix(db: Db): Promise<string> {
  let prefix = prefixes.get(db);
  if (!prefix) {
    prefix = db
      .select({ value: ledgerMeta.value })
      .from(ledgerMeta)
      .where(eq(ledgerMeta.key, 'claim_prefix'))
      .then(([row]) => {
        if (!row || !/^[0-9a-f]{32}$/.test(row.value)) throw new Error('Layover: ledger has no claim prefix');
        return row.value;
      });
    // A failed read (a database failover) is tried again next time, not cached.
    prefix.catch(() => prefixes.delete(db));
    prefixes.set(db, prefix);
  }
  return prefix;
}

/** The bytes32 claim id of outbox row `id`: the ledger's prefix, then the row id; consecutive rows share a bitmap word. */
export function claimIdFor(prefix: string, id: number): Hex {
  return `0x${prefix}${id.toString(16).padStart(32, '0')}`;
}

/** What a member sees of an outbox row: a token in (or on its way to) custody is held for them. */
export function deliveryState(row: {
  status: OutboxStatus;
  custody: string | null;
  recipient: string | null;
}): DeliveryState {
  if (row.status !== 'failed' && inCustody(row)) return 'held';
  if (row.status === 'sent' || row.status === 'mined') return 'minting';
  return row.status;
}
