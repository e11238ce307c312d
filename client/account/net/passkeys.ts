import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from '@simplewebauthn/browser';
import { routes } from '../../../shared/protocol/routes.ts';
import type {
  CredentialView,
  PasskeyOptionsResponse,
  SignInResult,
} from '../../../shared/protocol/sign-in.ts';
import { ApiError, callRoute } from '../../core/http.ts';

/**
 * Passkeys in the browser, through @simplewebauthn/browser: add one to the signed-in member, or sign in with one
 * (discoverable: the browser offers the passkeys it holds for this lounge, no name typed). Every failure is an
 * ApiError whose code is translated under `error.<code>`: `passkeyUnavailable` when this browser has no WebAuthn,
 * `passkeyInvalid` when the member cancelled, the prompt timed out or the authenticator refused, and the server's
 * own codes (passkeyInvalid, passkeyUnknown, credentialInUse, signInRequired...) as they come.
 */

/**
 * Whether passkeys can work on this page: a browser with WebAuthn (a secure context: https or localhost) on a page
 * addressed by name. WebAuthn refuses IP addresses, so on http://127.0.0.1:2567 the button would only ever fail: open
 * the lounge at http://localhost:2567 instead.
 */
export function passkeysSupported(): boolean {
  const host = globalThis.location?.hostname ?? '';
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
  return !isIp && browserSupportsWebAuthn();
}

function unavailable(): ApiError {
  return new ApiError('passkeyUnavailable', 0, 'this browser does not support passkeys (WebAuthn)');
}

/**
 * The browser's own WebAuthn failure as an ApiError. A cancelled or timed-out prompt is NotAllowedError
 * (`ERROR_CEREMONY_ABORTED` when we aborted it); an authenticator that already holds a passkey for this member is
 * InvalidStateError; a page on an IP address or a wrong RP id is SecurityError. All of them mean "the passkey answer
 * did not come": `passkeyInvalid`, except a browser without the needed support (`passkeyUnavailable`).
 */
function browserFailure(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const name = error instanceof Error ? error.name : '';
  const code = error instanceof WebAuthnError ? error.code : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotSupportedError' || code === 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT')
    return new ApiError('passkeyUnavailable', 0, detail, { cause: error });
  if (code === 'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT')
    return new ApiError('passkeyUnavailable', 0, detail, { cause: error });
  if (/does not support webauthn/i.test(detail))
    return new ApiError('passkeyUnavailable', 0, detail, { cause: error });
  return new ApiError('passkeyInvalid', 0, detail, { cause: error });
}

/** Adds a passkey to the member signed in with `token` (the browser asks for a fingerprint, face or PIN). */
export async function registerPasskey(token: string): Promise<void> {
  if (!passkeysSupported()) throw unavailable();
  const { challengeId, options } = await callRoute<
    PasskeyOptionsResponse<PublicKeyCredentialCreationOptionsJSON>
  >(routes.passkeyRegisterOptions, { token, cache: 'no-store' });
  let response: Awaited<ReturnType<typeof startRegistration>>;
  try {
    response = await startRegistration({ optionsJSON: options });
  } catch (error) {
    throw browserFailure(error);
  }
  await callRoute<CredentialView>(routes.passkeyRegisterVerify, {
    token,
    body: { challengeId, response: response as unknown as Record<string, unknown> },
  });
}

/**
 * Signs in with a passkey this browser (or a phone nearby) holds. With the `token` of a guest signed in here, a
 * passkey of another member answers a merge offer ("continue as that member") instead of signing straight in.
 */
export async function signInWithPasskey(token?: string | null): Promise<SignInResult> {
  if (!passkeysSupported()) throw unavailable();
  const { challengeId, options } = await callRoute<
    PasskeyOptionsResponse<PublicKeyCredentialRequestOptionsJSON>
  >(routes.passkeyLoginOptions, { cache: 'no-store' });
  let response: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    response = await startAuthentication({ optionsJSON: options });
  } catch (error) {
    throw browserFailure(error);
  }
  return callRoute<SignInResult>(routes.passkeyLoginVerify, {
    token: token ?? undefined,
    body: { challengeId, response: response as unknown as Record<string, unknown> },
  });
}
