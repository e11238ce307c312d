import { createHash } from 'node:crypto';
import type { PrincipalKind } from '../../shared/protocol/team.ts';
import { emailPrincipal } from '../live-events/staff.ts';
import { maskEmail } from '../members/credentials.ts';

const WALLET = /^0x[0-9a-fA-F]{40}$/;
const EMAIL = /^[^\s@,=]+@[^\s@,=]+\.[^\s@,=]+$/;
/** `<issuer URL> <subject>`, as the brand login's credential stores it. */
const OIDC = /^(https?:\/\/\S+) (\S+)$/;

/** The stored principal for a value typed on the team page, or undefined when it does not fit its kind. */
export function principalFor(kind: PrincipalKind, value: string): string | undefined {
  const typed = value.trim();
  if (kind === 'wallet') return WALLET.test(typed) ? typed.toLowerCase() : undefined;
  if (kind === 'email') return EMAIL.test(typed) ? emailPrincipal(typed) : undefined;
  return OIDC.test(typed) ? `oidc:${typed}` : undefined;
}

/** Which way a stored principal signs in. */
export function kindOf(principal: string): PrincipalKind {
  if (principal.startsWith('email:')) return 'email';
  if (principal.startsWith('oidc:')) return 'oidc';
  return 'wallet';
}

/** A principal's id on the team page: names it in a revocation without the page ever holding the email. */
export const principalId = (principal: string): string =>
  createHash('sha256').update(principal).digest('hex').slice(0, 32);

/** What the team page and the audit log show: the wallet, the email masked, or the brand login's subject and host. */
export function principalLabel(principal: string): string {
  const kind = kindOf(principal);
  if (kind === 'email') return maskEmail(principal.slice('email:'.length));
  if (kind === 'wallet') return principal;
  const [issuer = '', subject = ''] = principal.slice('oidc:'.length).split(' ');
  let host = issuer;
  try {
    host = new URL(issuer).host;
  } catch {
    // An issuer that is not a URL (seeded by hand) is shown as stored.
  }
  return `${subject} (${host})`;
}

/** The audit log's target for a principal: its kind and label, never the email itself. */
export const principalTarget = (principal: string): string =>
  `${kindOf(principal)}:${principalLabel(principal)}`;
