import { randomInt } from 'node:crypto';

/**
 * The rules of email sign-in codes, with `now` passed in and no I/O: 6 digits, 10 minutes, 5 tries, one use, the
 * newest code of an address the only one that works, and hourly limits per address and per network.
 */

export const CODE_TTL_MS = 10 * 60_000;
/** Wrong tries a code takes; the next try after them is refused as locked, even with the right code. */
export const CODE_MAX_TRIES = 5;
/** Codes one address may be sent per rolling hour. */
export const CODES_PER_EMAIL_PER_HOUR = 5;
/** Codes one IP may ask for per rolling hour (a venue behind one NAT fits; a script sweeping addresses does not). */
export const CODES_PER_IP_PER_HOUR = 20;
export const LIMIT_WINDOW_MS = 60 * 60_000;

/** A fresh code: uniform over 000000-999999 from the CSPRNG. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** How many codes were asked for in the last hour, for the address and for the IP. */
export interface RecentCodes {
  forEmail: number;
  forIp: number;
}

/** Whether another code may be sent now. */
export function mayIssue(recent: RecentCodes): boolean {
  return recent.forEmail < CODES_PER_EMAIL_PER_HOUR && recent.forIp < CODES_PER_IP_PER_HOUR;
}

/** The newest code of an address, as stored. */
export interface StoredCode {
  tries: number;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type CodeVerdict = 'accept' | 'codeInvalid' | 'codeExpired' | 'codeLocked';

/**
 * What a try with `code` gets: none live or already used -> codeInvalid; 5 wrong tries behind it -> codeLocked
 * (whatever is typed); past 10 minutes -> codeExpired; wrong -> codeInvalid (counted); right -> accept.
 */
export function judgeTry(stored: StoredCode | undefined, matches: boolean, now: number): CodeVerdict {
  if (!stored || stored.consumedAt) return 'codeInvalid';
  if (stored.tries >= CODE_MAX_TRIES) return 'codeLocked';
  if (stored.expiresAt.getTime() <= now) return 'codeExpired';
  return matches ? 'accept' : 'codeInvalid';
}

/** `m•••@example.com`: enough for the member to recognise their address, too little to read it off a screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
