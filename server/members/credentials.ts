import { and, asc, count, eq } from 'drizzle-orm';
import type {
  CredentialsResponse,
  CredentialView,
  DeviceView,
  LOCALES,
  SessionKindName,
} from '../../shared/protocol/sign-in.ts';
import { listDevices } from '../auth/device-sessions.ts';
import type { Db } from '../db/open.ts';
import { accountAudit, memberCredentials, members } from '../db/schema.ts';
import { describeUserAgent } from './user-agent.ts';

/**
 * The member's own account, as "Your devices" and "Keep your account" show it: their signed-in browsers, the ways
 * they can sign in (email, passkeys, the brand's login, a wallet), whether the brand may email them, and the
 * language emails come in. Every function takes the member id of the caller's own session: nothing here reads or
 * changes another member's rows, and a row of another member is answered exactly like a row that does not exist.
 */

/** `m•••@example.com`: enough for the member to recognise their address, too little for a shoulder to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/** The member's live browsers (not signed out, not idle past SESSION_TTL_HOURS), the most recently used first. */
export async function myDevices(
  db: Db,
  memberId: string,
  currentDeviceId: string | null,
  now: Date,
): Promise<DeviceView[]> {
  const rows = await listDevices(db, memberId, now);
  return rows.map((row) => ({
    id: row.id,
    browser: describeUserAgent(row.userAgent),
    kind: row.kind as SessionKindName,
    createdAt: row.createdAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
    current: row.id === currentDeviceId,
  }));
}

/** Whether `deviceId` is one of the member's live browsers (another member's, or an ended one, is not). */
export async function ownsLiveDevice(
  db: Db,
  memberId: string,
  deviceId: string,
  now: Date,
): Promise<boolean> {
  const rows = await listDevices(db, memberId, now);
  return rows.some((row) => row.id === deviceId);
}

/** The ways the member can sign in, their wallet and their marketing consent. Email addresses go out masked. */
export async function myCredentials(db: Db, memberId: string): Promise<CredentialsResponse> {
  const [member] = await db
    .select({ address: members.address, consentAt: members.marketingConsentAt })
    .from(members)
    .where(eq(members.id, memberId));
  const rows = await db
    .select()
    .from(memberCredentials)
    .where(eq(memberCredentials.memberId, memberId))
    .orderBy(asc(memberCredentials.createdAt), asc(memberCredentials.id));
  const credentials: CredentialView[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    // The subject of an email credential is the address itself: mask it here whatever label was stored.
    label: row.kind === 'email' ? maskEmail(row.subject) : row.label,
    createdAt: row.createdAt.getTime(),
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  }));
  const consentAt = member?.consentAt ?? null;
  return {
    credentials,
    wallet: member?.address ?? null,
    marketingConsent: { granted: consentAt !== null, at: consentAt?.getTime() ?? null },
  };
}

export type RemoveCredentialOutcome = 'removed' | 'notFound' | 'lastCredential';

/**
 * Removes one of the member's credentials unless it is their last way to sign in (a wallet address counts as one).
 * Race-safe: the member's row is locked for the check and the delete, so two removals at once (two tabs, two
 * devices) cannot both pass the "another one is left" check and leave the member with none.
 */
export async function removeCredential(
  db: Db,
  memberId: string,
  credentialId: string,
  now: Date,
): Promise<RemoveCredentialOutcome> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ address: members.address })
      .from(members)
      .where(eq(members.id, memberId))
      .for('update');
    if (!member) return 'notFound';
    const [credential] = await tx
      .select({ id: memberCredentials.id, kind: memberCredentials.kind })
      .from(memberCredentials)
      .where(and(eq(memberCredentials.id, credentialId), eq(memberCredentials.memberId, memberId)));
    if (!credential) return 'notFound';
    const [held] = await tx
      .select({ n: count() })
      .from(memberCredentials)
      .where(eq(memberCredentials.memberId, memberId));
    const waysLeft = (held?.n ?? 0) - 1 + (member.address ? 1 : 0);
    if (waysLeft < 1) return 'lastCredential';
    await tx
      .delete(memberCredentials)
      .where(and(eq(memberCredentials.id, credentialId), eq(memberCredentials.memberId, memberId)));
    await tx.insert(accountAudit).values({
      at: now,
      actorMemberId: memberId,
      action: 'credentialRemoved',
      memberId,
      detail: { credentialId, kind: credential.kind },
    });
    return 'removed';
  });
}

/**
 * Says whether the brand may email the member (marketing only; sign-in codes never depend on it). Granting keeps
 * the time it was first granted (saying yes again does not move it); withdrawing clears it. Each change is kept in
 * the account audit, so the brand can show when consent was given and withdrawn.
 */
export async function setMarketingConsent(
  db: Db,
  memberId: string,
  granted: boolean,
  now: Date,
): Promise<{ granted: boolean; at: number | null }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ at: members.marketingConsentAt })
      .from(members)
      .where(eq(members.id, memberId))
      .for('update');
    const previous = before?.at ?? null;
    const at = granted ? (previous ?? now) : null;
    if ((previous === null) !== (at === null)) {
      await tx.update(members).set({ marketingConsentAt: at }).where(eq(members.id, memberId));
      await tx.insert(accountAudit).values({
        at: now,
        actorMemberId: memberId,
        action: granted ? 'marketingConsentGranted' : 'marketingConsentWithdrawn',
        memberId,
        detail: {},
      });
    }
    return { granted, at: at?.getTime() ?? null };
  });
}

/** The language the member's emails come in (sign-in codes included). */
export async function setMemberLocale(
  db: Db,
  memberId: string,
  locale: (typeof LOCALES)[number],
): Promise<void> {
  await db.update(members).set({ locale }).where(eq(members.id, memberId));
}
