import type { EraseMeResponse } from '../../../shared/protocol/http.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import type {
  CredentialsResponse,
  DevicesResponse,
  SignInOptions,
  SignInResult,
} from '../../../shared/protocol/sign-in.ts';
import { rememberName } from '../../core/displayName.ts';
import { ApiError, callRoute } from '../../core/http.ts';
import type { Locale } from '../../core/i18n/translate.ts';
import { useLayoverStore } from '../../core/store.ts';
import { leaveAndSignOut } from '../session.ts';
import { eraseMyData } from './memberApi.ts';

/** Erases the member's data, then leaves the room and signs out; the entry screen then says what happened. */
export async function eraseMyDataAndSignOut(): Promise<EraseMeResponse> {
  const { token } = useLayoverStore.getState();
  if (!token) throw new ApiError('unauthorized', 401);
  const result = await eraseMyData(token);
  // The name this browser remembers for the entry form goes too, before the entry screen reads it.
  rememberName('');
  useLayoverStore.getState().noteErasure({ inFlight: result.inFlight, cancelled: result.cancelled });
  // The server has already ended every session, so the sign-out's own revoke is a harmless no-op.
  await leaveAndSignOut();
  return result;
}

/** Which ways to sign in this lounge offers; the panel shows only those (never hard-coded). */
export function fetchSignInOptions(): Promise<SignInOptions> {
  return callRoute<SignInOptions>(routes.signInOptions, { cache: 'no-store' });
}

/** The member's sign-in methods, wallet and marketing consent. */
export function fetchCredentials(token: string): Promise<CredentialsResponse> {
  return callRoute<CredentialsResponse>(routes.myCredentials, { token, cache: 'no-store' });
}

/** Removes one sign-in method; the server refuses the last one with `lastCredential`. */
export function removeCredential(token: string, id: string): Promise<void> {
  return callRoute<void>(routes.removeCredential, { token, params: { id } });
}

/** The browsers the member is signed in on, this one marked `current`. */
export function fetchDevices(token: string): Promise<DevicesResponse> {
  return callRoute<DevicesResponse>(routes.myDevices, { token, cache: 'no-store' });
}

/** Ends one other browser's session. */
export function signOutDevice(token: string, id: string): Promise<void> {
  return callRoute<void>(routes.signOutDevice, { token, params: { id } });
}

/** Ends every browser's session, this one included; the caller signs out locally afterwards. */
export function signOutAllDevices(token: string): Promise<void> {
  return callRoute<void>(routes.signOutAllDevices, { token });
}

/** Whether the brand may send the member news and offers (never about sign-in codes, which always come). */
export function setMarketingConsent(
  token: string,
  marketing: boolean,
): Promise<CredentialsResponse['marketingConsent']> {
  return callRoute<CredentialsResponse['marketingConsent']>(routes.setConsent, {
    token,
    body: { marketing },
  });
}

/** The language the member's emails come in: the one the lounge is shown in. */
export function setEmailLocale(token: string, locale: Locale): Promise<void> {
  return callRoute<void>(routes.setLocale, { token, body: { locale } });
}

/** Sends a 6-digit code to `email`, in the member's language. */
export function startEmail(token: string, email: string, locale: Locale): Promise<void> {
  return callRoute<void>(routes.emailStart, { token, body: { email, locale } });
}

/** Proves the code: the email is added to this member (SignedIn), or it belongs to another member (MergeOffer). */
export function verifyEmail(token: string, email: string, code: string): Promise<SignInResult> {
  return callRoute<SignInResult>(routes.emailVerify, { token, body: { email, code } });
}

/** The brand's authorization URL to navigate to; coming back adds the brand account to this member. */
export function startBrandSignIn(token: string): Promise<{ url: string }> {
  return callRoute<{ url: string }>(routes.oidcStart, { token, body: {} });
}
