import type {
  CredentialsResponse,
  CredentialView,
  DeviceView,
  SessionKindName,
} from '../../../shared/protocol/sign-in.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/**
 * What the account panel shows, decided without React so it is tested on its own: whether the account is kept,
 * how methods and devices are ordered and named, and what the email form accepts.
 */

/** `guest`: nothing survives losing this browser yet; `kept`: a credential or a wallet; `unknown` while loading. */
export type KeepState = 'guest' | 'kept' | 'unknown';

/**
 * The credentials list is the freshest word (it changes as the member adds a method); before it loads, the store's
 * `lasting` flag from the sign-in answers, when the session carries one.
 */
export function keepStateOf(
  lasting: boolean | undefined,
  credentials: Pick<CredentialsResponse, 'credentials' | 'wallet'> | null,
): KeepState {
  if (credentials)
    return credentials.credentials.length > 0 || credentials.wallet !== null ? 'kept' : 'guest';
  if (lasting === undefined) return 'unknown';
  return lasting ? 'kept' : 'guest';
}

/** The translated name of each kind of sign-in method (and of how a device signed in). */
export const METHOD_KEYS: Record<CredentialView['kind'] | 'wallet', MessageKey> = {
  email: 'account.methods.email',
  passkey: 'account.methods.passkey',
  oidc: 'account.methods.oidc',
  wallet: 'account.methods.wallet',
};

/** How a browser session started, named for the devices list. */
export const SESSION_KIND_KEYS: Record<SessionKindName, MessageKey> = {
  guest: 'account.devices.viaGuest',
  testWallet: 'account.devices.viaWallet',
  wallet: 'account.devices.viaWallet',
  email: 'account.devices.viaEmail',
  passkey: 'account.devices.viaPasskey',
  oidc: 'account.devices.viaBrand',
};

/** Oldest first: the order the member added them in. */
export function sortCredentials(credentials: readonly CredentialView[]): CredentialView[] {
  return [...credentials].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** This device first, then the most recently active. */
export function sortDevices(devices: readonly DeviceView[]): DeviceView[] {
  return [...devices].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt || a.id.localeCompare(b.id),
  );
}

/** Whether any browser besides this one is signed in (then "Sign out everywhere" means more than leaving). */
export function hasOtherDevices(devices: readonly DeviceView[]): boolean {
  return devices.some((device) => !device.current);
}

/** A wallet address short enough for a phone: 0x1234…abcd. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A loose check before sending (the server has the last word): something@something.tld, no spaces. */
export function looksLikeEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.trim());
}

/** What the code field keeps of a typed or pasted code: its digits, at most 6 ("123 456" -> "123456"). */
export function codeDigits(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6);
}

/** A complete code is exactly 6 digits. */
export function isCompleteCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** Whether the passkey button shows: the browser can make one and the lounge offers them. */
export function showPasskey(browserSupports: boolean, options: { passkeys: boolean } | null): boolean {
  return browserSupports && options?.passkeys === true;
}
