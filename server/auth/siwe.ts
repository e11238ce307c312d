import { type Address, getAddress } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import type { SiweErrorCode } from '../../shared/protocol/siwe-codes.ts';

/** Longest a signed message may live, from issuedAt to expirationTime; also the oldest issuedAt accepted. */
export const SIWE_MAX_AGE_MS = 10 * 60_000;
/** How far ahead of the server's clock a wallet's clock may run. */
export const SIWE_CLOCK_SKEW_MS = 30_000;

/** What this server expects of a message: its own host and origin, its chain, and the time now. */
export interface SiweExpectations {
  domain: string;
  origin: string;
  chainId: number;
  now: Date;
}

/** The fields of a message that passed every check that needs no I/O. */
export interface CheckedSiweMessage {
  address: Address;
  nonce: string;
  issuedAt: Date;
  expirationTime: Date;
}

export type SiweCheckResult =
  | { ok: true; message: CheckedSiweMessage }
  | { ok: false; code: SiweErrorCode; detail: string };

const fail = (code: SiweErrorCode, detail: string): SiweCheckResult => ({ ok: false, code, detail });
const isDate = (value: Date | undefined): value is Date =>
  value !== undefined && !Number.isNaN(value.getTime());

/** Checks an EIP-4361 message against this server's domain, origin, chain and clock; the nonce and signature are the caller's. */
export function checkSiweMessage(text: string, expected: SiweExpectations): SiweCheckResult {
  const message = parseSiweMessage(text);
  const { address, domain, uri, chainId, nonce, issuedAt, expirationTime, notBefore } = message;
  if (!address || !domain || !uri || chainId === undefined || !nonce || message.version !== '1')
    return fail('siweInvalid', 'not an EIP-4361 message (domain, address, URI, version 1, chain ID, nonce)');
  if (!isDate(issuedAt)) return fail('siweInvalid', 'Issued At must be an RFC 3339 time');
  if (expirationTime === undefined) return fail('siweInvalid', 'Expiration Time is required');
  if (!isDate(expirationTime)) return fail('siweInvalid', 'Expiration Time must be an RFC 3339 time');
  if (notBefore !== undefined && !isDate(notBefore))
    return fail('siweInvalid', 'Not Before must be an RFC 3339 time');
  if (nonce.length < 8) return fail('siweInvalid', 'the nonce must be at least 8 alphanumeric characters');

  const expectedScheme = new URL(expected.origin).protocol.slice(0, -1);
  if (domain.toLowerCase() !== expected.domain.toLowerCase())
    return fail('siweDomainMismatch', `message is for ${domain}, this server is ${expected.domain}`);
  if (message.scheme !== undefined && message.scheme.toLowerCase() !== expectedScheme)
    return fail('siweDomainMismatch', `message scheme ${message.scheme} is not ${expectedScheme}`);
  if (originOf(uri) !== expected.origin.toLowerCase())
    return fail('siweUriMismatch', `URI ${uri} is not on ${expected.origin}`);
  if (chainId !== expected.chainId)
    return fail(
      'siweChainMismatch',
      `message is for chain ${chainId}, this server is on ${expected.chainId}`,
    );

  const now = expected.now.getTime();
  if (expirationTime.getTime() <= now) return fail('siweExpired', 'the message has expired; sign a new one');
  if (issuedAt.getTime() < now - SIWE_MAX_AGE_MS)
    return fail('siweExpired', 'the message was issued over 10 minutes ago; sign a new one');
  if (issuedAt.getTime() > now + SIWE_CLOCK_SKEW_MS)
    return fail('siweNotYetValid', 'Issued At is in the future; check the device clock');
  if (notBefore && notBefore.getTime() > now + SIWE_CLOCK_SKEW_MS)
    return fail('siweNotYetValid', 'the message is not valid yet (Not Before)');
  const lifetime = expirationTime.getTime() - issuedAt.getTime();
  if (lifetime <= 0 || lifetime > SIWE_MAX_AGE_MS)
    return fail('siweInvalid', 'Expiration Time must be after Issued At, by at most 10 minutes');

  return { ok: true, message: { address: getAddress(address), nonce, issuedAt, expirationTime } };
}

function originOf(uri: string): string | undefined {
  try {
    return new URL(uri).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/** `0x1234…abcd`: a display name for a wallet member who gave none. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
