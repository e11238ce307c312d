import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { PartnerWebhookEvent } from '../../shared/protocol/partners.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { partners, webhookDeliveries } from '../db/points-schema.ts';
import { signatureHeaders } from './signature.ts';

/** A delivery is given up after this many failed attempts. */
export const WEBHOOK_MAX_ATTEMPTS = 12;
/** The first retry waits about 10 s, doubling, never more than an hour. */
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 3_600_000;
/** A claimed delivery is not taken by another process for this long (its POST may still be running). */
const CLAIM_MS = 60_000;
/** How long one POST may take. */
const POST_TIMEOUT_MS = 10_000;
/** Deliveries taken per run. */
const BATCH = 20;

/** How long to wait before attempt `attempts + 1`: min(5 s * 2^attempts, 1 h), plus up to 10% jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.min(attempts, 30), MAX_DELAY_MS);
  return Math.round(delay * (1 + 0.1 * random()));
}

/**
 * Queues a signed call to a partner's webhook inside the caller's transaction (a redemption with the partner), once
 * per `eventKey`: the receiver dedupes on it, since it is delivered at least once.
 */
export async function queuePartnerWebhook(
  tx: Db,
  input: { partnerId: string; eventKey: string; type: string; payload: Record<string, unknown>; at: Date },
): Promise<void> {
  await tx
    .insert(webhookDeliveries)
    .values({
      partnerId: input.partnerId,
      eventKey: input.eventKey,
      type: input.type,
      payload: input.payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: input.at,
      createdAt: input.at,
    })
    .onConflictDoNothing({ target: webhookDeliveries.eventKey });
}

/** Takes due deliveries (SKIP LOCKED, so processes share the work) and pushes their next attempt past the POST. */
async function claimDue(db: Db, now: Date) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

type Delivery = Awaited<ReturnType<typeof claimDue>>[number];

/** POSTs one delivery, signed with the partner's secret; undefined on a 2xx, else why it failed. */
async function post(db: Db, delivery: Delivery, now: Date): Promise<string | undefined> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, delivery.partnerId));
  if (!partner?.webhookUrl) return 'the partner has no webhook URL';
  const event: PartnerWebhookEvent = {
    id: delivery.eventKey,
    type: delivery.type,
    createdAt: delivery.createdAt.toISOString(),
    data: delivery.payload,
  };
  const body = JSON.stringify(event);
  try {
    const response = await fetch(partner.webhookUrl, {
      method: 'POST',
      headers: {
        ...signatureHeaders(partner.id, partner.secret, Math.floor(now.getTime() / 1000), body),
        'content-type': 'application/json',
        'x-layover-event-id': delivery.eventKey,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Delivers every due webhook once at `now` (tests drive it with injected times): a 2xx marks it delivered, anything
 * else schedules a retry with backoff, and the 12th failure marks it failed. Returns how many were attempted.
 */
export async function deliverDue(ctx: Pick<AppContext, 'ledger' | 'logger'>, now: Date): Promise<number> {
  const db = ctx.ledger.db;
  const claimed = await claimDue(db, now);
  for (const delivery of claimed) {
    const error = await post(db, delivery, now);
    const attempts = delivery.attempts + 1;
    if (error === undefined) {
      await db
        .update(webhookDeliveries)
        .set({ status: 'delivered', attempts, deliveredAt: now, lastError: null })
        .where(eq(webhookDeliveries.id, delivery.id));
      continue;
    }
    const failed = attempts >= WEBHOOK_MAX_ATTEMPTS;
    if (failed)
      ctx.logger.warn(
        { eventKey: delivery.eventKey, partnerId: delivery.partnerId, error },
        'webhook given up',
      );
    await db
      .update(webhookDeliveries)
      .set({
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: error.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
  }
  return claimed.length;
}

/** Counts deliveries by status, for tests and the console. */
export async function webhookCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: webhookDeliveries.status, n: sql<string>`count(*)`.mapWith(Number) })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}
