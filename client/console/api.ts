import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { TestWalletResponse } from '../../shared/protocol/http.ts';
import type {
  ConsoleAnalytics,
  ConsoleLiveEvent,
  ConsoleLiveView,
  ConsoleMe,
} from '../../shared/protocol/live-events.ts';
import { routes } from '../../shared/protocol/routes.ts';
import {
  CONSOLE_MEMBER_SEARCH_LIMIT,
  type ConsoleMembersResponse,
  type ConsoleMemberView,
  OidcStartBody,
  type RebindEmailResponse,
  type SignedIn,
  type SignInOptions,
  type SignInResult,
} from '../../shared/protocol/sign-in.ts';
import { callRoute } from '../core/http.ts';
import type { ConsoleLocale } from './i18n/translate.ts';

// The console's calls, each through the route table and the lounge's own HTTP helper (one error type: ApiError).

/** Dev chain only: a fresh funded wallet with the host role, signed in. */
export const signInTestHost = (name: string) =>
  callRoute<TestWalletResponse>(routes.testWallet, { body: { name, host: true } });

/** Who is signed in; also the check that a fresh token carries the host role. */
export const fetchMe = (token: string) => callRoute<ConsoleMe>(routes.consoleMe, { token });
/** The brand's events, newest start first. */
export const listEvents = (token: string) =>
  callRoute<{ events: ConsoleLiveEvent[] }>(routes.consoleEvents, { token });
/** Schedules an event; the server checks the spec with the same schema. */
export const createEvent = (token: string, spec: LiveEventSpec) =>
  callRoute<ConsoleLiveEvent>(routes.consoleCreateEvent, { token, body: spec });
/** Replaces an event's spec; refused with eventStarted once it is live or over. */
export const updateEvent = (token: string, eventId: string, spec: LiveEventSpec) =>
  callRoute<ConsoleLiveEvent>(routes.consoleUpdateEvent, { token, params: { id: eventId }, body: spec });
/** Cancels an event; refused with eventEnded once it is over. */
export const cancelEvent = (token: string, eventId: string) =>
  callRoute<void>(routes.consoleCancelEvent, { token, params: { id: eventId } });
/** The hall right now (polled while the event page shows). */
export const fetchLive = (token: string, eventId: string) =>
  callRoute<ConsoleLiveView>(routes.consoleLiveView, { token, params: { id: eventId } });
/** How the event went, from the ledger. */
export const fetchAnalytics = (token: string, eventId: string) =>
  callRoute<ConsoleAnalytics>(routes.consoleAnalytics, { token, params: { id: eventId } });

/** Lifts a ban; the event is named for both scopes, so the server can check the ban was seen from it. */
export const liftBan = (token: string, memberId: string, scope: 'event' | 'brand', eventId: string) =>
  callRoute<void>(routes.consoleLiftBan, { token, params: { memberId }, query: { scope, eventId } });

// Staff sign-in without a wallet, and the browser's lasting session (the refresh cookie travels by itself: same
// origin, Path=/auth).

/** Which sign-ins this server offers (email, passkeys, the brand's login). */
export const fetchSignInOptions = () => callRoute<SignInOptions>(routes.signInOptions);
/** Emails a 6-digit code (the same answer whether or not the address is known). */
export const sendEmailCode = (email: string, locale: ConsoleLocale) =>
  callRoute<{ sent: boolean }>(routes.emailStart, { body: { email, locale } });
/** Checks the code; a new address makes a new member named `name` (who is not staff until given a role). */
export const verifyEmailCode = (email: string, code: string, name: string | undefined) =>
  callRoute<SignInResult>(routes.emailVerify, { body: { email, code, ...(name ? { name } : {}) } });
/** A WebAuthn login challenge for any passkey of this site. */
export const passkeyLoginOptions = () =>
  callRoute<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }>(
    routes.passkeyLoginOptions,
  );
/** Signs in with the browser's answer to that challenge. */
export const passkeyLoginVerify = (challengeId: string, response: AuthenticationResponseJSON) =>
  callRoute<SignInResult>(routes.passkeyLoginVerify, {
    body: { challengeId, response: response as unknown as Record<string, unknown> },
  });
/** The brand's authorization URL; the console asks to come back to /console when the server supports it. */
export const startBrandSignIn = () => {
  const back = { returnTo: '/console' };
  const body = OidcStartBody.safeParse(back).success ? back : {};
  return callRoute<{ url: string }>(routes.oidcStart, { body: body as OidcStartBody });
};
/** A new access token from this browser's refresh cookie (rotated on the way). */
export const refreshAccess = () => callRoute<SignedIn>(routes.refresh);
/** Ends this browser's session on the server and clears its refresh cookie. */
export const signOutBrowser = (token: string) => callRoute<void>(routes.logout, { token });

// The support flow.

export type { ConsoleMemberView };
/** At most this many members come back from one search. */
export const MEMBER_SEARCH_LIMIT = CONSOLE_MEMBER_SEARCH_LIMIT;
/** Members whose display name contains q, or whose id is (or starts with) q. */
export const searchMembers = (token: string, q: string) =>
  callRoute<ConsoleMembersResponse>(routes.consoleMembers, { token, query: { q } });
/** Admins only: binds a new email to the member, signs out all their browsers, logs the reason. */
export const rebindEmail = (token: string, memberId: string, email: string, reason: string) =>
  callRoute<RebindEmailResponse>(routes.consoleRebindEmail, {
    token,
    params: { memberId },
    body: { email, reason },
  });
