import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { siweNonces } from '../db/schema.ts';

/** A nonce is good for five minutes after it is issued. */
export const SIWE_NONCE_TTL_MS = 5 * 60_000;

/** Issues a 128-bit hex nonce (alphanumeric, as EIP-4361 requires) and forgets expired ones. */
export async function issueSiweNonce(db: Db, now = new Date()): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = randomBytes(16).toString('hex');
  const expiresAt = new Date(now.getTime() + SIWE_NONCE_TTL_MS);
  await db.delete(siweNonces).where(lt(siweNonces.expiresAt, now));
  await db.insert(siweNonces).values({ nonce, createdAt: now, expiresAt });
  return { nonce, expiresAt };
}

/** Whether a nonce was issued here and is neither expired nor used; reads only. */
export async function isSiweNonceLive(db: Db, nonce: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ nonce: siweNonces.nonce })
    .from(siweNonces)
    .where(liveNonce(nonce, now))
    .limit(1);
  return row !== undefined;
}

/** Marks a live nonce used, atomically; false when another request used it first or it expired meanwhile. */
export async function consumeSiweNonce(db: Db, nonce: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(siweNonces)
    .set({ consumedAt: now })
    .where(liveNonce(nonce, now))
    .returning({ nonce: siweNonces.nonce });
  return rows.length === 1;
}

const liveNonce = (nonce: string, now: Date) =>
  and(eq(siweNonces.nonce, nonce), isNull(siweNonces.consumedAt), gt(siweNonces.expiresAt, now));
