import { describe, expect, it } from 'vitest';
import { en } from '../../client/core/i18n/en.ts';
import { checkRecipient, recipientProblemKey } from '../../client/passport/prizes/recipient.ts';

// Anvil's well-known accounts 0 and 1, checksummed (EIP-55).
const SELF = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const FRIEND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('checkRecipient', () => {
  it('accepts a checksummed address and returns it as is', () => {
    expect(checkRecipient(FRIEND, SELF)).toEqual({ ok: true, address: FRIEND });
  });

  it('accepts all-lowercase (no checksum to check), trims spaces, and checksums it with getAddress', () => {
    expect(checkRecipient(`  ${FRIEND.toLowerCase()}\n`, SELF)).toEqual({ ok: true, address: FRIEND });
  });

  it('refuses mixed case whose checksum does not add up (a typo)', () => {
    const typo = `${FRIEND.slice(0, -1)}c`; // ...C8 -> ...Cc
    expect(checkRecipient(typo, SELF)).toEqual({ ok: false, problem: 'checksum' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0x1234', 'address'],
    ['70997970C51812dc3A010C7d01b50e0d17dc79C8', 'address'],
    ['0x70997970C51812dc3A010C7d01b50e0d17dc79CZ', 'address'],
    ['alice.eth', 'address'],
    ['0x0000000000000000000000000000000000000000', 'zero'],
  ] as const)('refuses %j: %s', (input, problem) => {
    expect(checkRecipient(input, SELF)).toEqual({ ok: false, problem });
  });

  it("refuses the member's own wallet, whatever its case", () => {
    expect(checkRecipient(SELF, SELF)).toEqual({ ok: false, problem: 'self' });
    expect(checkRecipient(SELF.toLowerCase(), SELF)).toEqual({ ok: false, problem: 'self' });
    expect(checkRecipient(SELF, SELF.toLowerCase())).toEqual({ ok: false, problem: 'self' });
  });

  it('explains every problem in the catalogue', () => {
    for (const problem of ['empty', 'address', 'checksum', 'self', 'zero'] as const) {
      expect(en).toHaveProperty(recipientProblemKey(problem));
    }
  });
});
