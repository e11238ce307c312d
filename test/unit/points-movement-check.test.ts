import { describe, expect, it } from 'vitest';
import { checkMovement } from '../../server/points/movement-check.ts';

const member = { kind: 'member', id: 'm1' };
const brand = { kind: 'brand', id: 'brand' };

describe('checkMovement', () => {
  it('takes two or more non-zero whole amounts that sum to 0', () => {
    expect(() =>
      checkMovement('k', [
        { account: member, amount: 100 },
        { account: brand, amount: -100 },
      ]),
    ).not.toThrow();
    expect(() =>
      checkMovement('k', [
        { account: member, amount: 300 },
        { account: { kind: 'partner', id: 'skyway-air' }, amount: -200 },
        { account: brand, amount: -100 },
      ]),
    ).not.toThrow();
  });

  it.each([
    ['one entry', [{ account: member, amount: 0 }]],
    ['no entries', []],
    [
      'a sum of 1',
      [
        { account: member, amount: 101 },
        { account: brand, amount: -100 },
      ],
    ],
    [
      'a zero amount',
      [
        { account: member, amount: 0 },
        { account: brand, amount: 0 },
      ],
    ],
    [
      'a fraction',
      [
        { account: member, amount: 0.5 },
        { account: brand, amount: -0.5 },
      ],
    ],
    [
      'an unsafe integer',
      [
        { account: member, amount: 2 ** 60 },
        { account: brand, amount: -(2 ** 60) },
      ],
    ],
    [
      'NaN',
      [
        { account: member, amount: Number.NaN },
        { account: brand, amount: 1 },
      ],
    ],
    [
      'an unknown account kind',
      [
        { account: { kind: 'wallet', id: 'x' }, amount: 1 },
        { account: brand, amount: -1 },
      ],
    ],
    [
      'an account without an id',
      [
        { account: { kind: 'member', id: '' }, amount: 1 },
        { account: brand, amount: -1 },
      ],
    ],
  ])('refuses %s', (_what, entries) => {
    expect(() => checkMovement('purchase:p1', entries)).toThrow(
      'Points: movement purchase:p1 does not balance',
    );
  });

  it('refuses a movement without a key', () => {
    expect(() =>
      checkMovement('', [
        { account: member, amount: 1 },
        { account: brand, amount: -1 },
      ]),
    ).toThrow('idempotency key');
  });
});
