import { type Address, getAddress, isAddress, zeroAddress } from 'viem';
import type { MessageKey } from '../../core/i18n/en.ts';

/** Why a gift address was refused, each explained under `prizes.error.<reason>`. */
export type RecipientProblem = 'empty' | 'address' | 'checksum' | 'self' | 'zero';

export type RecipientCheck = { ok: true; address: Address } | { ok: false; problem: RecipientProblem };

/**
 * Checks what a member typed as a gift's recipient: a 0x address (mixed case must carry a valid EIP-55 checksum),
 * not the zero address and not their own; returns it checksummed with `getAddress`.
 */
export function checkRecipient(input: string, self: string | null | undefined): RecipientCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (!isAddress(text, { strict: false })) return { ok: false, problem: 'address' };
  if (!isAddress(text, { strict: true })) return { ok: false, problem: 'checksum' };
  const address = getAddress(text);
  if (address === zeroAddress) return { ok: false, problem: 'zero' };
  if (self && address.toLowerCase() === self.toLowerCase()) return { ok: false, problem: 'self' };
  return { ok: true, address };
}

export function recipientProblemKey(problem: RecipientProblem): MessageKey {
  return `prizes.error.${problem}`;
}
