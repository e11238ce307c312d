import { and, count, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { outbox } from '../db/schema.ts';

/** What the outbox row of a prize refused by the daily cap says (the member sees it as not given). */
export const PRIZE_DAILY_CAP = 'daily prize cap';

/** Prizes one member may win per UTC day when nothing is configured. */
export const DEFAULT_PRIZES_PER_MEMBER_PER_DAY = 5;

const DAY_MS = 86_400_000;

/**
 * The brand's PRIZES_PER_MEMBER_PER_DAY: `config.prizes.perMemberPerDay` once the config carries it, else the
 * environment variable, else 5. Anything but a positive whole number is refused loudly.
 */
export function prizesPerMemberPerDay(config?: unknown): number {
  const configured = (config as { prizes?: { perMemberPerDay?: unknown } } | undefined)?.prizes
    ?.perMemberPerDay;
  const value = Number(
    configured ?? process.env.PRIZES_PER_MEMBER_PER_DAY ?? DEFAULT_PRIZES_PER_MEMBER_PER_DAY,
  );
  if (!Number.isInteger(value) || value < 1)
    throw new Error(
      `Layover: PRIZES_PER_MEMBER_PER_DAY must be a whole number of 1 or more (got "${value}")`,
    );
  return value;
}

/**
 * Whether `memberId` already won `cap` prizes on the UTC day of `at` (inside the caller's transaction). Prizes that
 * failed (refused by the cap, holds that expired) do not count: only what the member really got or still may get.
 * The member's row is locked first, so two prizes won at once cannot both slip under the cap.
 */
export async function prizeCapReached(tx: Db, memberId: string, at: Date, cap: number): Promise<boolean> {
  await tx.execute(sql`SELECT id FROM members WHERE id = ${memberId} FOR UPDATE`);
  const start = new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const end = new Date(start.getTime() + DAY_MS);
  const [row] = await tx
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.memberId, memberId),
        eq(outbox.kind, 'prize'),
        ne(outbox.status, 'failed'),
        gte(outbox.createdAt, start),
        lt(outbox.createdAt, end),
      ),
    );
  return (row?.n ?? 0) >= cap;
}
