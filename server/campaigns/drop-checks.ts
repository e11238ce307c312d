import { type SQL, sql } from 'drizzle-orm';
import type { Prize } from '../../shared/content/prizes.ts';
import type { DropTooLargeDetail } from '../../shared/protocol/segments.ts';
import type { Db } from '../db/open.ts';

const DAY_MS = 86_400_000;

/**
 * Whether a drop of `prize` to every member `members` selects fits: the prize's remaining supply (its maxSupply
 * less every row of it the outbox has not failed: minted, queued or held) against the segment's size, and how many
 * of those members are already at the prize's per-member cap or today's prize cap. Run under the prize's lock.
 */
export async function dropFits(
  tx: Db,
  prize: Prize,
  members: SQL,
  now: Date,
  dailyCap: number,
): Promise<DropTooLargeDetail & { fits: boolean }> {
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS).toISOString();
  const dayEnd = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS).toISOString();
  const result = (await tx.execute(sql`
    WITH seg AS (${members})
    SELECT
      (SELECT count(*) FROM seg) AS size,
      (SELECT count(*) FROM outbox o WHERE o.kind = 'prize' AND o.item_id = ${prize.id} AND o.status <> 'failed') AS issued,
      (SELECT count(*) FROM seg WHERE
        (${prize.memberCap} > 0 AND (SELECT count(*) FROM outbox o WHERE o.member_id = seg.id AND o.kind = 'prize'
          AND o.item_id = ${prize.id} AND o.status <> 'failed') >= ${prize.memberCap})
        OR (SELECT count(*) FROM outbox o WHERE o.member_id = seg.id AND o.kind = 'prize' AND o.status <> 'failed'
          AND o.created_at >= ${dayStart} AND o.created_at < ${dayEnd}) >= ${dailyCap}
      ) AS at_cap`)) as unknown as { rows: { size: string; issued: string; at_cap: string }[] };
  const row = result.rows[0];
  const size = Number(row?.size ?? 0);
  const remainingSupply = Math.max(0, prize.maxSupply - Number(row?.issued ?? 0));
  const atMemberCap = Number(row?.at_cap ?? 0);
  return { size, remainingSupply, atMemberCap, fits: size <= remainingSupply && atMemberCap === 0 };
}
