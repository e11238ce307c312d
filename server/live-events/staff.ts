import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { staff } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { memberCredentials, members } from '../db/schema.ts';
import { announceRoleChanged } from '../members/member-channel.ts';

export type StaffRole = 'host' | 'admin';

/**
 * Staff principals. A row of the `staff` table is keyed by one of:
 * - a wallet address, lower case (`0xabc…`): the member who signed in with that wallet (SIWE, test wallet);
 * - `email:<lower-cased email>`: the member holding that email credential (signed in with an email code);
 * - `oidc:<issuer> <sub>`: the member holding that brand login (the credential's subject, prefixed).
 * A passkey is never a principal of its own: it signs in a member who already holds one of the above, and that
 * member's email, brand login or wallet carries the role. The column is still called `address` (schema unchanged).
 */
export const emailPrincipal = (email: string): string => `email:${email.trim().toLowerCase()}`;
export const oidcPrincipal = (issuer: string, sub: string): string => `oidc:${issuer} ${sub}`;

/** Who may hold a staff role: a member (a MemberRecord fits), with the wallet they signed in with, if any. */
export interface StaffSubject {
  id: string;
  address: string | null;
}

const RANK: Record<StaffRole, number> = { host: 1, admin: 2 };

/** The stronger of the roles found (admin over host); undefined when none. */
export function strongestRole(roles: readonly StaffRole[]): StaffRole | undefined {
  return roles.reduce<StaffRole | undefined>(
    (best, role) => (best && RANK[best] >= RANK[role] ? best : role),
    undefined,
  );
}

/** A credential row's staff principal (`email:…`, `oidc:…`); passkeys have none. */
export function credentialPrincipal(kind: string, subject: string): string | undefined {
  if (kind === 'email') return emailPrincipal(subject);
  if (kind === 'oidc') return `oidc:${subject}`;
  return undefined;
}

/** Every staff principal a member holds: their wallet address and their email and brand-login credentials. */
export async function principalsOf(db: Db, member: StaffSubject): Promise<string[]> {
  const rows = await db
    .select({ kind: memberCredentials.kind, subject: memberCredentials.subject })
    .from(memberCredentials)
    .where(
      and(eq(memberCredentials.memberId, member.id), inArray(memberCredentials.kind, ['email', 'oidc'])),
    );
  const principals = rows
    .map((row) => credentialPrincipal(row.kind, row.subject))
    .filter((p) => p !== undefined);
  if (member.address) principals.unshift(member.address.toLowerCase());
  return principals;
}

/**
 * The staff role of a member: the strongest role of any principal they hold (wallet, email, brand login). Given a
 * bare wallet address (or null, a guest) it answers for that address alone, as before members had credentials.
 */
export async function staffRoleOf(db: Db, who: StaffSubject | string | null): Promise<StaffRole | undefined> {
  if (who === null) return undefined;
  const principals = typeof who === 'string' ? [who.toLowerCase()] : await principalsOf(db, who);
  if (principals.length === 0) return undefined;
  const rows = await db.select({ role: staff.role }).from(staff).where(inArray(staff.address, principals));
  return strongestRole(rows.map((row) => row.role));
}

/** The staff role of a wallet address alone (the old lookup; guests, without an address, have none). */
export const staffRoleOfAddress = (db: Db, address: string | null) => staffRoleOf(db, address);

/**
 * Gives a principal (a wallet address, `email:…`, `oidc:…`) a staff role. Idempotent; granting admin promotes a
 * host, granting host never demotes an admin.
 */
export async function grantStaffRole(db: Db, principal: string, role: StaffRole): Promise<void> {
  const key = principal.startsWith('0x') ? principal.toLowerCase() : principal;
  const insert = db.insert(staff).values({ address: key, role });
  if (role === 'admin') await insert.onConflictDoUpdate({ target: staff.address, set: { role: 'admin' } });
  else await insert.onConflictDoNothing({ target: staff.address });
}

/**
 * Takes a principal's staff role away and tells every room seating a member who holds that principal (any process):
 * a host still in a hall is walked out at once instead of keeping the powers they joined with. Answers their ids.
 */
export async function revokeStaffRole(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger'>,
  principal: string,
): Promise<string[]> {
  const key = principal.startsWith('0x') ? principal.toLowerCase() : principal;
  const { db } = ctx.ledger;
  await db.delete(staff).where(eq(staff.address, key));
  const holders = await holdersOf(db, key);
  for (const memberId of holders) announceRoleChanged(ctx, memberId);
  return holders;
}

/** The members holding a staff principal: the wallet's member, or the members with that email or brand login. */
async function holdersOf(db: Db, principal: string): Promise<string[]> {
  if (principal.startsWith('0x')) {
    const rows = await db
      .select({ id: members.id })
      .from(members)
      .where(sql`lower(${members.address}) = ${principal}`);
    return rows.map((row) => row.id);
  }
  const email = principal.startsWith('email:');
  const kind = email ? 'email' : 'oidc';
  const subject = principal.slice(email ? 'email:'.length : 'oidc:'.length);
  const rows = await db
    .select({ id: memberCredentials.memberId })
    .from(memberCredentials)
    .where(
      and(eq(memberCredentials.kind, kind), sql`lower(${memberCredentials.subject}) = lower(${subject})`),
    );
  return [...new Set(rows.map((row) => row.id))];
}

/**
 * Parses `STAFF_EMAILS`: comma-separated emails, each given the host role, or the admin role with `=admin`
 * (`ops@brand.example,lead@brand.example=admin`). An entry that is not an email is an error (boot stops).
 */
export function parseStaffEmails(list: string): { principal: string; role: StaffRole }[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [email = '', role = 'host'] = item.split('=').map((part) => part.trim());
      if (!/^[^\s@,=]+@[^\s@,=]+\.[^\s@,=]+$/.test(email) || (role !== 'host' && role !== 'admin'))
        throw new Error(`STAFF_EMAILS: "${item.replace(/^[^@]*/, '…')}" is not <email> or <email>=admin`);
      return { principal: emailPrincipal(email), role };
    });
}

/** Seeds the staff table at boot: HOST_ADDRESSES wallets as hosts, STAFF_EMAILS as parsed. */
export async function seedStaff(
  db: Db,
  seed: { hostAddresses?: readonly string[]; staffEmails?: string },
): Promise<void> {
  for (const address of seed.hostAddresses ?? []) await grantStaffRole(db, address, 'host');
  for (const { principal, role } of parseStaffEmails(seed.staffEmails ?? ''))
    await grantStaffRole(db, principal, role);
}
