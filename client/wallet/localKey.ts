/**
 * The local test wallet's private key (dev chain only), kept in this module's memory and nowhere else: not in the
 * store (tests and devtools read it), not in storage, never logged. A reload forgets it, like the session.
 */
let held: { address: string; privateKey: `0x${string}` } | null = null;

export function rememberLocalKey(address: string, privateKey: `0x${string}`): void {
  held = { address: address.toLowerCase(), privateKey };
}

/** The key of `address` when it is the local test wallet this tab signed in with, else null. */
export function localKeyFor(address: string | null | undefined): `0x${string}` | null {
  return held && address && held.address === address.toLowerCase() ? held.privateKey : null;
}

export function forgetLocalKey(): void {
  held = null;
}
