import { z } from 'zod';
import { DisplayName } from './http.ts';

/**
 * Lasting sign-in: sessions that survive a reload (a short access token plus a refresh cookie), email codes,
 * passkeys, the brand's OpenID login, linking credentials to one member and merging a guest into an existing one.
 */

/** Errors of the sign-in routes; each is translated under `error.<code>` in all four languages. */
export const SIGN_IN_ERROR_CODES = [
  /** No live refresh cookie (never signed in here, signed out, idle too long, or ended on another device). */
  'sessionEnded',
  /** A refresh cookie that was already used: the whole browser session was ended to be safe. */
  'sessionReused',
  /** The refresh call came from another site (Origin is not this lounge). */
  'crossSite',
  'invalidEmail',
  /** Wrong code (tries left), or no code was sent to this address. */
  'codeInvalid',
  'codeExpired',
  /** The 5th wrong try locked the code: ask for a new one. */
  'codeLocked',
  /** Too many codes asked for this address or from this network in the last hour. */
  'tooManyCodes',
  'passkeyUnavailable',
  /** The browser's passkey answer did not check out (other site, replayed, counter went backwards, cancelled). */
  'passkeyInvalid',
  'passkeyUnknown',
  'oidcUnavailable',
  /** The brand's login came back wrong (state, nonce, issuer, audience) or was cancelled. */
  'oidcFailed',
  /** This email, passkey or brand account already belongs to another member and cannot be moved. */
  'credentialInUse',
  /** A member keeps at least one way to sign in: the last one cannot be removed. */
  'lastCredential',
  'credentialNotFound',
  'deviceNotFound',
  /** The "continue as that member" offer expired or was already used. */
  'mergeExpired',
  'signInRequired',
  /** This lounge sends no email (no SMTP_URL and not a local dev chain): sign in another way. */
  'emailUnavailable',
  /** PUT /api/members/me/consent without a yes or no. */
  'invalidConsent',
  /** PUT /api/members/me/locale with a language we do not offer. */
  'invalidLocale',
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

/** An email address as typed: trimmed; compared lower-cased. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

export const LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export const MemberLocale = z.enum(LOCALES);

/** Where a member stands with sign-in: how this browser signed in and whether the account is kept for good. */
export type SessionKindName = 'guest' | 'testWallet' | 'wallet' | 'email' | 'passkey' | 'oidc';

export interface SignedInMember {
  id: string;
  name: string;
  address: string | null;
  /** Has an email, passkey, brand login or wallet: the account survives losing this browser. */
  lasting: boolean;
}

/** Every successful sign-in (and refresh) answers this; the refresh credential travels only in its cookie. */
export interface SignedIn {
  status: 'signedIn';
  /** Bearer access token for the API and rooms; lives ACCESS_TOKEN_TTL_MS. */
  token: string;
  /** Epoch ms when `token` stops working: refresh a little before. */
  expiresAt: number;
  member: SignedInMember;
  kind: SessionKindName;
  /** The credential was added to the member who was signed in (rather than signing in someone else). */
  linked: boolean;
}

/**
 * The proven credential belongs to another member while a guest is signed in: offer "continue as <name>". Accepting
 * (POST /auth/merge with the ticket) moves the guest's unminted progress into that member.
 */
export interface MergeOffer {
  status: 'mergeOffer';
  ticket: string;
  member: { name: string };
}

export type SignInResult = SignedIn | MergeOffer;

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_COOKIE = 'layover_refresh';

/** POST /auth/email/start: send a 6-digit code (same answer whether or not the address is known). */
export const EmailStartBody = z.strictObject({ email: EmailAddress, locale: MemberLocale.optional() });
export type EmailStartBody = z.infer<typeof EmailStartBody>;

/** POST /auth/email/verify (Authorization optional: with it, the email is added to the signed-in member). */
export const EmailVerifyBody = z.strictObject({
  email: EmailAddress,
  code: z.string().regex(/^\d{6}$/),
  /** The display name of a member created by this sign-in (a first visit with an email). */
  name: DisplayName.optional(),
});
export type EmailVerifyBody = z.infer<typeof EmailVerifyBody>;

/** A WebAuthn response from @simplewebauthn/browser, checked in depth by @simplewebauthn/server. */
const WebAuthnJson = z.record(z.string(), z.unknown());

/** POST /auth/passkey/register/verify (Authorization required). */
export const PasskeyRegisterBody = z.strictObject({
  challengeId: z.string().min(10).max(100),
  response: WebAuthnJson,
});
export type PasskeyRegisterBody = z.infer<typeof PasskeyRegisterBody>;

/** POST /auth/passkey/login/verify (Authorization optional, for a guest who turns out to be a known member). */
export const PasskeyLoginBody = z.strictObject({
  challengeId: z.string().min(10).max(100),
  response: WebAuthnJson,
});
export type PasskeyLoginBody = z.infer<typeof PasskeyLoginBody>;

/** POST /auth/oidc/start (Authorization optional: with it, the brand account is added to that member). */
export const OidcStartBody = z.strictObject({
  name: DisplayName.optional(),
  /** Where the callback sends the browser back: the lounge by default, the console when signing in there. */
  returnTo: z.enum(['/console']).optional(),
});
export type OidcStartBody = z.infer<typeof OidcStartBody>;

/** POST /auth/merge: accept a merge offer (Authorization: the guest's token). */
export const MergeBody = z.strictObject({ ticket: z.string().min(20).max(200) });
export type MergeBody = z.infer<typeof MergeBody>;

/** PUT /api/members/me/consent */
export const ConsentBody = z.strictObject({ marketing: z.boolean() });
export type ConsentBody = z.infer<typeof ConsentBody>;

/** PUT /api/members/me/locale: the language emails come in. */
export const LocaleBody = z.strictObject({ locale: MemberLocale });

/** GET /auth/options: which sign-ins this lounge offers (the client never hard-codes them). */
export interface SignInOptions {
  email: boolean;
  passkeys: boolean;
  /** The brand's OpenID login, with the button's name, when OIDC_ISSUER is set. */
  oidc: { name: string } | null;
  /** RainbowKit's WalletConnect wallets appear only when set (WALLETCONNECT_PROJECT_ID at run time). */
  walletConnectProjectId: string | null;
  /** The dev mailbox page, on a local dev chain without SMTP_URL only. */
  devMailbox: boolean;
  /** Which identity a member needs to receive prizes (PRIZE_REQUIRES). */
  prizeRequires: 'any' | 'lasting' | 'wallet';
}

/** GET /api/members/me/devices */
export interface DeviceView {
  id: string;
  /** A short browser and system description, e.g. "Chrome on Android". */
  browser: string;
  kind: SessionKindName;
  createdAt: number;
  lastSeenAt: number;
  current: boolean;
}
export interface DevicesResponse {
  devices: DeviceView[];
}

/** GET /api/members/me/credentials */
export interface CredentialView {
  id: string;
  kind: 'email' | 'passkey' | 'oidc';
  /** A masked email (m•••@example.com), the passkey's name, or the brand's name. */
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}
export interface CredentialsResponse {
  credentials: CredentialView[];
  wallet: string | null;
  marketingConsent: { granted: boolean; at: number | null };
}

/** GET /api/console/members?q=: find a member by display name or id. */
export const ConsoleMembersQuery = z.strictObject({ q: z.string().trim().min(1).max(100) });

/** POST /auth/passkey/{register,login}/options: the options for @simplewebauthn/browser and the id to send back. */
export interface PasskeyOptionsResponse<T = Record<string, unknown>> {
  challengeId: string;
  options: T;
}

/** Console: support re-binds a member's email after its own checks (logged). */
export const RebindEmailBody = z.strictObject({
  email: EmailAddress,
  /** What the operator checked (ticket number, questions asked); kept in the audit log. */
  reason: z.string().trim().min(3).max(500),
});
export type RebindEmailBody = z.infer<typeof RebindEmailBody>;

/** Console support: one member as GET /api/console/members shows them (emails masked, nothing to impersonate with). */
export interface ConsoleMemberView {
  id: string;
  name: string;
  /** The wallet address, if any. */
  address: string | null;
  createdAt: number;
  /** The masked email credential (m•••@example.com), if any. */
  email: string | null;
  /** Every credential: kind and what the member sees (emails masked). */
  credentials: { kind: 'email' | 'passkey' | 'oidc'; label: string }[];
  /** Browsers signed in now. */
  devices: number;
}

/** GET /api/console/members?q=: at most CONSOLE_MEMBER_SEARCH_LIMIT members. */
export interface ConsoleMembersResponse {
  members: ConsoleMemberView[];
}
export const CONSOLE_MEMBER_SEARCH_LIMIT = 20;

/** PUT /api/console/members/:memberId/email: the member after the re-bind. */
export interface RebindEmailResponse {
  member: ConsoleMemberView;
}
