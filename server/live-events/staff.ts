import { and, eq, inArray, sql } from 'drizzle-orm';
import { STAFF_ROLES, StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { memberCredentials, members } from '../db/schema.ts';
import { teamRoles } from '../db/team-schema.ts';
import { announceRoleChanged } from '../members/member-channel.ts';

/**
 * Staff principals. A row of `team_roles` (server/db/team-schema.ts) is keyed by one of:
 * - a wallet address, lower case (`0xabc…`): the member who signed in with that wallet (SIWE, test wallet);
 * - `email:<lower-cased email>`: the member holding that email credential (signed in with an email code);
 * - `oidc:<issuer> <sub>`: the member holding that brand login (the credential's subject, prefixed).
 * A passkey is never a principal of its own: it signs in a member who already holds one of the above, and that
 * member's email, brand login or wallet carries the roles.
 */
export const emailPrincipal = (email: string): string => `email:${email.trim().toLowerCase()}`;
export const oidcPrincipal = (issuer: string, sub: string): string => `oidc:${issuer} ${sub}`;

/** A principal as stored: wallet addresses lower-cased, emails and brand logins as given. */
export const storedPrincipal = (principal: string): string =>
  principal.startsWith('0x') ? principal.toLowerCase() : principal;

/** Who may hold a staff role: a member (a MemberRecord fits), with the wallet they signed in with, if any. */
export interface StaffSubject {
  id: string;
  address: string | null;
}

/** Roles deduplicated, in the list's order (owner first), so they compare and display the same everywhere. */
export const orderedRoles = (roles: Iterable<StaffRoleName>): StaffRoleName[] => {
  const held = new Set(roles);
  return STAFF_ROLES.filter((role) => held.has(role));
};

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
 * The team roles of a member: every role of any principal they hold (wallet, email, brand login); none is []. Given
 * a bare wallet address (or null, a guest) it answers for that address alone, as before members had credentials.
 */
export async function teamRolesOf(db: Db, who: StaffSubject | string | null): Promise<StaffRoleName[]> {
  if (who === null) return [];
  const principals = typeof who === 'string' ? [who.toLowerCase()] : await principalsOf(db, who);
  if (principals.length === 0) return [];
  const rows = await db
    .select({ role: teamRoles.role })
    .from(teamRoles)
    .where(inArray(teamRoles.principal, principals));
  return orderedRoles(rows.map((row) => row.role));
}

/**
 * Gives a principal (a wallet address, `email:…`, `oidc:…`) a team role, recording who granted it (null: the
 * server's configuration). Idempotent: answers whether the role is new.
 */
export async function grantStaffRole(
  db: Db,
  principal: string,
  role: StaffRoleName,
  grantedBy: string | null = null,
): Promise<boolean> {
  const rows = await db
    .insert(teamRoles)
    .values({ principal: storedPrincipal(principal), role, grantedBy })
    .onConflictDoNothing()
    .returning({ role: teamRoles.role });
  return rows.length > 0;
}

/**
 * Takes a principal's team role away (every role when `role` is left out) and tells every room seating a member who
 * holds that principal (any process): a host still in a hall is walked out at once instead of keeping the powers
 * they joined with. Answers their ids.
 */
export async function revokeStaffRole(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger'>,
  principal: string,
  role?: StaffRoleName,
): Promise<string[]> {
  const key = storedPrincipal(principal);
  const { db } = ctx.ledger;
  const which = eq(teamRoles.principal, key);
  await db.delete(teamRoles).where(role ? and(which, eq(teamRoles.role, role)) : which);
  return announceRevoked(ctx, key);
}

/** Tells every room seating a holder of `principal` to re-check their roles; answers the holders' ids. */
export async function announceRevoked(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger'>,
  principal: string,
): Promise<string[]> {
  const holders = await holdersOf(ctx.ledger.db, principal);
  for (const memberId of holders) announceRoleChanged(ctx, memberId);
  return holders;
}

/** The members holding a staff principal: the wallet's member, or the members with that email or brand login. */
export async function holdersOf(db: Db, principal: string): Promise<string[]> {
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
 * Parses `STAFF_EMAILS`: comma-separated emails, each given the host role, or the role named after `=` (`owner`,
 * `content`, `host`, `analyst`, `checkin`; the old `admin` means owner): `ops@brand.example,lead@brand.example=owner`.
 * An entry that is not an email or names no role is an error (boot stops).
 */
export function parseStaffEmails(list: string): { principal: string; role: StaffRoleName }[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [email = '', named = 'host'] = item.split('=').map((part) => part.trim());
      const role = StaffRoleName.safeParse(named === 'admin' ? 'owner' : named);
      if (!/^[^\s@,=]+@[^\s@,=]+\.[^\s@,=]+$/.test(email) || !role.success)
        throw new Error(`STAFF_EMAILS: "${item.replace(/^[^@]*/, '…')}" is not <email> or <email>=<role>`);
      return { principal: emailPrincipal(email), role: role.data };
    });
}

/** Seeds team roles at boot (never revoking any): HOST_ADDRESSES wallets as hosts, STAFF_EMAILS as parsed. */
export async function seedStaff(
  db: Db,
  seed: { hostAddresses?: readonly string[]; staffEmails?: string },
): Promise<void> {
  for (const address of seed.hostAddresses ?? []) await grantStaffRole(db, address, 'host');
  for (const { principal, role } of parseStaffEmails(seed.staffEmails ?? ''))
    await grantStaffRole(db, principal, role);
}
