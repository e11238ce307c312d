import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Address } from 'viem';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { PrizeWhere, RelayPrizeView } from '../../shared/protocol/relay.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { outbox } from '../db/schema.ts';

/** A member's held (unminted) prize rows of one prize, oldest first. */
export function heldRows(db: Db, memberId: string, prizeId: string) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.memberId, memberId),
        eq(outbox.kind, 'prize'),
        eq(outbox.itemId, prizeId),
        eq(outbox.status, 'held'),
      ),
    )
    .orderBy(asc(outbox.id));
}

/** A member's prize rows minted to the brand's custody address and still there, oldest first. */
export function custodyRows(db: Db, memberId: string, prizeId: string) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.memberId, memberId),
        eq(outbox.kind, 'prize'),
        eq(outbox.itemId, prizeId),
        eq(outbox.status, 'delivered'),
        isNotNull(outbox.custody),
        sql`${outbox.recipient} = ${outbox.custody}`,
      ),
    )
    .orderBy(asc(outbox.id));
}

/** Units of each published prize (a retired one included: its tokens still exist) in a wallet, read from the chain. */
export async function walletBalances(ctx: AppContext, wallet: string): Promise<Map<string, number>> {
  const { prizes } = ctx.content.current().bundle;
  const ids = prizes.map((prize) => BigInt(prize.tokenId));
  const balances = await ctx.chain.publicClient.readContract({
    address: ctx.chain.contracts.Prizes as Address,
    abi: prizesAbi,
    functionName: 'balanceOfBatch',
    args: [ids.map(() => wallet as Address), ids],
  });
  return new Map(prizes.map((prize, i) => [prize.id, Number(balances[i] ?? 0n)]));
}

/** Every prize the member has, by where it sits (held, custody, wallet); empty places are left out. */
export async function holdingsOf(
  ctx: AppContext,
  member: { id: string; address: string | null },
): Promise<RelayPrizeView[]> {
  const db = ctx.ledger.db;
  const rows = (await db.execute(sql`
    SELECT item_id, CASE WHEN status = 'held' THEN 'held' ELSE 'custody' END AS place, count(*)::int AS n
    FROM outbox
    WHERE member_id = ${member.id} AND kind = 'prize'
      AND (status = 'held' OR (status = 'delivered' AND custody IS NOT NULL AND recipient = custody))
    GROUP BY item_id, place`)) as { rows: { item_id: string; place: PrizeWhere; n: number }[] };
  const wallet = member.address ? await walletBalances(ctx, member.address) : new Map<string, number>();
  const views: RelayPrizeView[] = [];
  for (const prize of ctx.content.current().bundle.prizes) {
    const view = (where: PrizeWhere, amount: number) =>
      amount > 0 &&
      views.push({ prizeId: prize.id, tokenId: prize.tokenId, where, amount, giftable: !prize.soulbound });
    view('wallet', wallet.get(prize.id) ?? 0);
    for (const place of ['custody', 'held'] as const)
      view(place, Number(rows.rows.find((row) => row.item_id === prize.id && row.place === place)?.n ?? 0));
  }
  return views;
}
