import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { eventBanMarks } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { deviceSessions, memberCredentials, members } from '../db/schema.ts';

const fingerprint = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex');

/** Each credential (email, passkey, brand login) and the wallet of a member, hashed: the marks name no one. */
async function credentialMarks(db: Db, memberId: string): Promise<string[]> {
  const [member] = await db
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, memberId));
  const credentials = await db
    .select({ kind: memberCredentials.kind, subject: memberCredentials.subject })
    .from(memberCredentials)
    .where(eq(memberCredentials.memberId, memberId));
  const marks = credentials.map((credential) => fingerprint(credential.kind, credential.subject));
  if (member?.address) marks.push(fingerprint('address', member.address.toLowerCase()));
  return marks;
}

/** Every browser the member signed in from (its `layover_browser` id), hashed. */
async function browserMarks(db: Db, memberId: string): Promise<string[]> {
  const browsers = await db
    .selectDistinct({ browserId: deviceSessions.browserId })
    .from(deviceSessions)
    .where(eq(deviceSessions.memberId, memberId));
  return browsers.flatMap(({ browserId }) => (browserId ? [fingerprint('browser', browserId)] : []));
}

/** What identifies a member beyond their id: credentials, wallet and browsers. */
async function banFingerprintsOf(db: Db, memberId: string): Promise<string[]> {
  return [...(await credentialMarks(db, memberId)), ...(await browserMarks(db, memberId))];
}

/** A lasting member is found again by their credentials; a guest (none) by the browsers they used. */
async function marksToWrite(db: Db, memberId: string): Promise<string[]> {
  const credentials = await credentialMarks(db, memberId);
  return credentials.length > 0 ? credentials : browserMarks(db, memberId);
}

/** Writes the marks of a ban on `memberId` in `scopeKey` ('brand' or 'event:<id>'). */
export async function markBan(db: Db, scopeKey: string, memberId: string, at: Date): Promise<void> {
  const marks = await marksToWrite(db, memberId);
  if (marks.length === 0) return;
  await db
    .insert(eventBanMarks)
    .values(marks.map((mark) => ({ scopeKey, fingerprint: mark, at })))
    .onConflictDoNothing();
}

/** Lifts the marks a ban on `memberId` in `scopeKey` wrote (the member's current credentials and browsers). */
export async function unmarkBan(db: Db, scopeKey: string, memberId: string): Promise<void> {
  const marks = await banFingerprintsOf(db, memberId);
  if (marks.length === 0) return;
  await db
    .delete(eventBanMarks)
    .where(and(eq(eventBanMarks.scopeKey, scopeKey), inArray(eventBanMarks.fingerprint, marks)));
}

/** True when any of the member's credentials, wallet or browsers carries a ban mark in one of `scopeKeys`. */
export async function carriesBanMark(db: Db, memberId: string, scopeKeys: string[]): Promise<boolean> {
  const marks = await banFingerprintsOf(db, memberId);
  if (marks.length === 0) return false;
  const rows = await db
    .select({ scopeKey: eventBanMarks.scopeKey })
    .from(eventBanMarks)
    .where(and(inArray(eventBanMarks.scopeKey, scopeKeys), inArray(eventBanMarks.fingerprint, marks)))
    .limit(1);
  return rows.length > 0;
}
