import { inArray } from 'drizzle-orm';
import { formatPerkCode, type PerkView, perkQrPayload } from '../../shared/protocol/perks.ts';
import type { Db } from '../db/open.ts';
import { perkShipping, type perks } from '../db/perks-schema.ts';

type PerkRow = typeof perks.$inferSelect;

/** A perk row as its member reads it; a ready perk past its expiry reads `expired` before the sweep marks it. */
export function perkView(row: PerkRow, shippedAt: Date | undefined, now: Date): PerkView {
  const state = row.state === 'ready' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.state;
  return {
    id: row.id,
    prizeId: row.prizeId,
    kind: row.kind,
    state,
    code: formatPerkCode(row.code),
    qrPayload: perkQrPayload(row.brand, row.code),
    partnerCode: row.partnerCode,
    room: row.details.room ?? null,
    expiresAt: row.expiresAt.getTime(),
    usedAt: row.usedAt?.getTime() ?? null,
    shipping:
      row.kind === 'physical'
        ? { submitted: shippedAt !== undefined, submittedAt: shippedAt?.getTime() ?? null }
        : null,
    createdAt: row.createdAt.getTime(),
  };
}

/** Views of several perks, with the shipping state of the physical ones read in one query. */
export async function perkViews(db: Db, rows: readonly PerkRow[], now: Date): Promise<PerkView[]> {
  const physical = rows.filter((row) => row.kind === 'physical').map((row) => row.id);
  const shipped = new Map<string, Date>();
  if (physical.length > 0) {
    const sent = await db
      .select({ perkId: perkShipping.perkId, submittedAt: perkShipping.submittedAt })
      .from(perkShipping)
      .where(inArray(perkShipping.perkId, physical));
    for (const row of sent) shipped.set(row.perkId, row.submittedAt);
  }
  return rows.map((row) => perkView(row, shipped.get(row.id), now));
}
