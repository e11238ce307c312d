import { randomUUID } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, eq, isNull } from 'drizzle-orm';
import type { CredentialView, PasskeyOptionsResponse } from '../../../shared/protocol/sign-in.ts';
import type { MemberRecord } from '../../db/members.ts';
import type { Db } from '../../db/open.ts';
import { memberCredentials } from '../../db/schema.ts';
import { describeUserAgent } from '../../members/user-agent.ts';
import { consumePasskeyChallenge, storePasskeyChallenge } from './challenges.ts';
import type { RelyingParty } from './relying-party.ts';

/**
 * Passkeys (WebAuthn) with SimpleWebAuthn. A signed-in member registers one (a discoverable credential, user
 * verification required); later any browser signs that member in with it, without a user name: the login options
 * carry no allowCredentials, the authenticator offers the passkeys it holds for this RP, and the credential id it
 * answers with finds the member. Each ceremony has a single-use, five-minute challenge (auth_challenges). A passkey is
 * a member_credentials row of kind `passkey`: subject = the credential id (base64url), the COSE public key
 * (base64url), the signature counter and the transports.
 */

/** What the register options route answers (shared/protocol's PasskeyOptionsResponse). */
export type PasskeyRegistrationOptions = PasskeyOptionsResponse<PublicKeyCredentialCreationOptionsJSON>;
export type PasskeyLoginOptions = PasskeyOptionsResponse<PublicKeyCredentialRequestOptionsJSON>;

/** A refused ceremony: the HTTP status, a code from SIGN_IN_ERROR_CODES and a developer-facing detail. */
export interface PasskeyRefusal {
  ok: false;
  status: number;
  code: 'passkeyInvalid' | 'passkeyUnknown' | 'credentialInUse' | 'signInRequired';
  detail: string;
}

const refuse = (status: number, code: PasskeyRefusal['code'], detail: string): PasskeyRefusal => ({
  ok: false,
  status,
  code,
  detail,
});

/** How long a member has to answer in the browser; the challenge itself lives PASSKEY_CHALLENGE_TTL_MS. */
const CEREMONY_TIMEOUT_MS = 120_000;

/** The member's passkeys as the registration options' excludeCredentials (no second passkey on one authenticator). */
async function passkeysOf(db: Db, memberId: string) {
  return db
    .select({ id: memberCredentials.subject, transports: memberCredentials.transports })
    .from(memberCredentials)
    .where(and(eq(memberCredentials.memberId, memberId), eq(memberCredentials.kind, 'passkey')));
}

/** Registration options for the signed-in `member` and the challenge row that checks the answer. */
export async function passkeyRegistrationOptions(
  db: Db,
  rp: RelyingParty,
  member: MemberRecord,
  now: Date,
): Promise<PasskeyRegistrationOptions> {
  const existing = await passkeysOf(db, member.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.displayName,
    userDisplayName: member.displayName,
    // The user handle the authenticator keeps with the passkey: the member id, no personal data.
    userID: new TextEncoder().encode(member.id),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      ...(passkey.transports ? { transports: passkey.transports } : {}),
    })),
    // Discoverable ("resident") so the member signs in on another device without typing anything.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await storePasskeyChallenge(
    db,
    'webauthnRegister',
    member.id,
    { challenge: options.challenge, rpId: rp.id, origin: rp.origin },
    now,
  );
  return { challengeId, options };
}

/**
 * The passkey's name in the member's list: the browser and system it was made on ("Chrome on Android", "Safari on
 * iPhone"), which is how members tell their passkeys apart; the list itself says "Passkey" and the date, translated.
 * An unrecognised browser gives "Passkey".
 */
export function passkeyLabel(userAgent: string | undefined): string {
  const described = describeUserAgent(userAgent);
  return described === 'Browser' ? 'Passkey' : described;
}

/**
 * Checks a registration answer for `memberId`'s challenge and stores the new passkey. The challenge is used up
 * first, whatever the outcome; `label` names it in the member's list (see passkeyLabel). Refused: unknown, used or
 * expired challenge, a challenge issued to another member, an answer for another RP id or origin, no user
 * verification, a bad attestation; a credential id already registered (to this member or another) is
 * `credentialInUse` and moves nothing.
 */
export async function registerPasskey(
  db: Db,
  memberId: string,
  challengeId: string,
  response: Record<string, unknown>,
  label: string,
  now: Date,
): Promise<{ ok: true; credential: CredentialView } | PasskeyRefusal> {
  const challenge = await consumePasskeyChallenge(db, 'webauthnRegister', challengeId, now);
  if (!challenge) return refuse(401, 'passkeyInvalid', 'unknown, used or expired challenge');
  if (challenge.memberId !== memberId)
    return refuse(401, 'passkeyInvalid', 'challenge issued to another member');
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge.data.challenge,
      expectedOrigin: challenge.data.origin,
      expectedRPID: challenge.data.rpId,
      requireUserPresence: true,
      requireUserVerification: true,
    });
  } catch (error) {
    return refuse(
      401,
      'passkeyInvalid',
      error instanceof Error ? error.message : 'registration did not verify',
    );
  }
  if (!verified.verified) return refuse(401, 'passkeyInvalid', 'registration did not verify');
  const { credential } = verified.registrationInfo;
  const id = randomUUID();
  const inserted = await db
    .insert(memberCredentials)
    .values({
      id,
      memberId,
      kind: 'passkey',
      subject: credential.id,
      label,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: memberCredentials.id });
  if (inserted.length === 0) return refuse(409, 'credentialInUse', 'this passkey is already registered');
  return {
    ok: true,
    credential: { id, kind: 'passkey', label, createdAt: now.getTime(), lastUsedAt: null },
  };
}

/** Login options for discoverable passkeys: no allowCredentials (the authenticator offers its own), UV required. */
export async function passkeyLoginOptions(db: Db, rp: RelyingParty, now: Date): Promise<PasskeyLoginOptions> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: 'required',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  const challengeId = await storePasskeyChallenge(
    db,
    'webauthnLogin',
    null,
    { challenge: options.challenge, rpId: rp.id, origin: rp.origin },
    now,
  );
  return { challengeId, options };
}

/**
 * Checks a login answer against the stored passkey: its challenge (used up first, whatever the outcome), RP id,
 * origin, signature, user verification, and a signature counter that moves forward (when either counter is
 * non-zero; synced passkeys report 0 always). On success the counter and last use are saved, compare-and-set, so two
 * answers racing with the same counter cannot both pass; the caller then signs the member in.
 */
export async function verifyPasskeyLogin(
  db: Db,
  challengeId: string,
  response: Record<string, unknown>,
  now: Date,
): Promise<{ ok: true; credentialId: string } | PasskeyRefusal> {
  const challenge = await consumePasskeyChallenge(db, 'webauthnLogin', challengeId, now);
  if (!challenge) return refuse(401, 'passkeyInvalid', 'unknown, used or expired challenge');
  const credentialId = typeof response.id === 'string' ? response.id : '';
  if (!credentialId) return refuse(401, 'passkeyInvalid', 'the answer names no credential');
  const [stored] = await db
    .select()
    .from(memberCredentials)
    .where(and(eq(memberCredentials.kind, 'passkey'), eq(memberCredentials.subject, credentialId)))
    .limit(1);
  if (!stored?.publicKey) return refuse(401, 'passkeyUnknown', 'no passkey with this credential id');
  const storedCounter = stored.counter ?? 0;
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge.data.challenge,
      expectedOrigin: challenge.data.origin,
      expectedRPID: challenge.data.rpId,
      credential: {
        id: stored.subject,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
        counter: storedCounter,
        ...(stored.transports ? { transports: stored.transports } : {}),
      },
      requireUserVerification: true,
    });
  } catch (error) {
    return refuse(401, 'passkeyInvalid', error instanceof Error ? error.message : 'assertion did not verify');
  }
  const { newCounter, userVerified } = verified.authenticationInfo;
  if (!verified.verified || !userVerified) return refuse(401, 'passkeyInvalid', 'assertion did not verify');
  // SimpleWebAuthn checks this too; kept here so the rule stands whatever the library does.
  if ((newCounter > 0 || storedCounter > 0) && newCounter <= storedCounter)
    return refuse(401, 'passkeyInvalid', 'the signature counter did not move forward');
  const updated = await db
    .update(memberCredentials)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(
      and(
        eq(memberCredentials.id, stored.id),
        stored.counter === null
          ? isNull(memberCredentials.counter)
          : eq(memberCredentials.counter, stored.counter),
      ),
    )
    .returning({ id: memberCredentials.id });
  if (updated.length === 0)
    return refuse(401, 'passkeyInvalid', 'the passkey was used at the same moment elsewhere');
  return { ok: true, credentialId: stored.subject };
}
