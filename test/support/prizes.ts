import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Address, type Hex, type PublicClient, pad, toHex } from 'viem';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import type { Db } from '../../server/db/open.ts';
import { members, outbox } from '../../server/db/schema.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { claimIdFor, claimPrefix } from '../../server/prizes/claims.ts';

let seed = Math.floor(Math.random() * 1e9);

/** Creates `count` wallet members and queues one prize for each, as a won game or journey would. */
export async function queuePrizes(db: Db, count: number, prizeId = 'lounge-day-pass'): Promise<number[]> {
  const ids: number[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const address = pad(toHex(++seed), { size: 20 }).toLowerCase();
      const [member] = await tx
        .insert(members)
        .values({ id: randomUUID(), displayName: `Winner ${seed}`, address })
        .returning();
      const row = await queueAward(tx, {
        kind: 'prize',
        memberId: member?.id ?? '',
        itemId: prizeId,
        eventId: `test:${randomUUID()}`,
        source: 'oracle-test',
        at: new Date(),
      });
      ids.push(row.id);
    }
  });
  return ids;
}

/** Outbox rows by id, with their claim ids. */
export async function outboxRows(db: Db, ids: number[]) {
  const prefix = await claimPrefix(db);
  const rows = await db.select().from(outbox).where(eq(outbox.kind, 'prize'));
  const wanted = new Set(ids);
  return rows
    .filter((row) => wanted.has(row.id))
    .map((row) => ({ ...row, claimId: claimIdFor(prefix, row.id) as Hex }));
}

/** How many units of prize token 1.. have been minted, and whether each claim id is used, read from the chain. */
export async function onChain(client: PublicClient, prizes: Address, claimIds: Hex[], tokenId = 1n) {
  const contract = { address: prizes, abi: prizesAbi } as const;
  const [info, claimed] = await Promise.all([
    client.readContract({ ...contract, functionName: 'prize', args: [tokenId] }),
    Promise.all(
      claimIds.map((id) => client.readContract({ ...contract, functionName: 'claimed', args: [id] })),
    ),
  ]);
  return { minted: info.minted, claimed: claimed.filter(Boolean).length };
}
