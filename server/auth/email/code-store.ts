import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { emailCodes, ledgerMeta } from '../../db/schema.ts';
import { CODE_TTL_MS, type CodeVerdict, judgeTry, LIMIT_WINDOW_MS, mayIssue, newCode } from './code-rules.ts';

/** The ledger's secret for email sign-in hashes: made once per ledger (random), kept in ledger_meta. */
const SECRET_KEY = 'email_code_secret';
const secrets = new WeakMap<Db, Promise<Buffer>>();

function ledgerSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db
        .insert(ledgerMeta)
        .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      const [row] = await db.select().from(ledgerMeta).where(eq(ledgerMeta.key, SECRET_KEY));
      if (!row) throw new Error('Layover: the email code secret could not be stored');
      return Buffer.from(row.value, 'base64');
    })();
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

const hmac = (secret: Buffer, value: string) => createHmac('sha256', secret).update(value).digest('hex');

/** The keyed hash under which an address's codes are stored and counted (the address itself is never stored here). */
export async function emailHashOf(db: Db, email: string): Promise<string> {
  return hmac(await ledgerSecret(db), `email:${email.toLowerCase()}`);
}

async function ipHashOf(db: Db, ip: string): Promise<string> {
  return hmac(await ledgerSecret(db), `ip:${ip}`);
}

const codeHashOf = (secret: Buffer, id: string, code: string) => hmac(secret, `code:${id}:${code}`);

export type IssueOutcome = { ok: true; code: string } | { ok: false; reason: 'tooManyCodes' };

/**
 * Makes a new code for `email` asked from `ip`, unless the hour's limits are spent; earlier live codes of the
 * address stop working (only the newest one does). Answers the plain code to send; only its hash is kept.
 */
export async function issueEmailCode(db: Db, email: string, ip: string, now: number): Promise<IssueOutcome> {
  const secret = await ledgerSecret(db);
  const emailHash = await emailHashOf(db, email);
  const ipHash = await ipHashOf(db, ip);
  const since = new Date(now - LIMIT_WINDOW_MS);
  const countWhere = async (where: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(emailCodes).where(where))[0]?.n ?? 0;
  const recent = {
    forEmail: await countWhere(and(eq(emailCodes.emailHash, emailHash), gt(emailCodes.createdAt, since))),
    forIp: await countWhere(and(eq(emailCodes.ipHash, ipHash), gt(emailCodes.createdAt, since))),
  };
  if (!mayIssue(recent)) return { ok: false, reason: 'tooManyCodes' };
  const id = randomUUID();
  const code = newCode();
  await db.transaction(async (tx) => {
    await tx
      .update(emailCodes)
      .set({ consumedAt: new Date(now) })
      .where(and(eq(emailCodes.emailHash, emailHash), isNull(emailCodes.consumedAt)));
    await tx.insert(emailCodes).values({
      id,
      emailHash,
      codeHash: codeHashOf(secret, id, code),
      ipHash,
      createdAt: new Date(now),
      expiresAt: new Date(now + CODE_TTL_MS),
    });
  });
  return { ok: true, code };
}

export type CheckOutcome =
  | { ok: true; codeId: string }
  | { ok: false; reason: Exclude<CodeVerdict, 'accept'> };

/**
 * Tries `code` against the newest code sent to `email`. A wrong try is counted (the 5th locks the code), a right one
 * uses the code up; both writes are conditional, so two tries at once cannot both pass or overrun the count.
 */
export async function checkEmailCode(
  db: Db,
  email: string,
  code: string,
  now: number,
): Promise<CheckOutcome> {
  const secret = await ledgerSecret(db);
  const emailHash = await emailHashOf(db, email);
  const [stored] = await db
    .select()
    .from(emailCodes)
    .where(eq(emailCodes.emailHash, emailHash))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1);
  const matches =
    stored !== undefined &&
    timingSafeEqual(Buffer.from(codeHashOf(secret, stored.id, code)), Buffer.from(stored.codeHash));
  const verdict = judgeTry(stored, matches, now);
  if (verdict !== 'accept' && (verdict !== 'codeInvalid' || !stored || stored.consumedAt))
    return { ok: false, reason: verdict };
  if (!stored) return { ok: false, reason: 'codeInvalid' };
  if (verdict === 'codeInvalid') {
    const [counted] = await db
      .update(emailCodes)
      .set({ tries: stored.tries + 1 })
      .where(and(eq(emailCodes.id, stored.id), eq(emailCodes.tries, stored.tries)))
      .returning({ tries: emailCodes.tries });
    // Another try was counted meanwhile: judge again against the fresh count.
    if (!counted) return checkEmailCode(db, email, code, now);
    return { ok: false, reason: 'codeInvalid' };
  }
  const [used] = await db
    .update(emailCodes)
    .set({ consumedAt: new Date(now) })
    .where(
      and(
        eq(emailCodes.id, stored.id),
        isNull(emailCodes.consumedAt),
        gt(emailCodes.expiresAt, new Date(now)),
      ),
    )
    .returning({ id: emailCodes.id });
  if (!used) return { ok: false, reason: 'codeInvalid' };
  return { ok: true, codeId: used.id };
}

/** Makes a used code usable again (the sign-in it proved was refused after the check, e.g. credentialInUse). */
export async function restoreEmailCode(db: Db, codeId: string): Promise<void> {
  await db.update(emailCodes).set({ consumedAt: null }).where(eq(emailCodes.id, codeId));
}
