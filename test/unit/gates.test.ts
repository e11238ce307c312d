import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../server/domain/gates.ts';
import { GateCondition, type GateRule, parseRoomGates, roomGates } from '../../shared/content/gates.ts';

const vip: GateRule = { anyOf: [{ contract: 'LoungePass', standard: 'erc721', minTier: 2, minBalance: 1 }] };

describe('evaluateGate', () => {
  it('admits Gold and Platinum passes to a minTier 2 rule and names the tokens', () => {
    const holdings = {
      LoungePass: {
        balance: 2n,
        tokens: [
          { id: 3n, tier: 1 },
          { id: 7n, tier: 3 },
        ],
      },
    };
    expect(evaluateGate(vip, holdings)).toEqual({
      allowed: true,
      matched: [{ contract: 'LoungePass', tokenId: 7n }],
    });
  });

  it('refuses Silver only, no tokens, and unknown tiers', () => {
    expect(evaluateGate(vip, { LoungePass: { balance: 1n, tokens: [{ id: 3n, tier: 1 }] } }).allowed).toBe(
      false,
    );
    expect(evaluateGate(vip, {})).toEqual({ allowed: false, matched: [] });
    expect(evaluateGate(vip, { LoungePass: { balance: 1n, tokens: [{ id: 3n }] } }).allowed).toBe(false);
  });

  it('counts balances, listed token ids and ERC-1155 balances against minBalance', () => {
    const partner: GateRule = { anyOf: [{ contract: 'PartnerPass', standard: 'erc721', minBalance: 2 }] };
    expect(evaluateGate(partner, { PartnerPass: { balance: 1n } }).allowed).toBe(false);
    expect(evaluateGate(partner, { PartnerPass: { balance: 2n } })).toEqual({ allowed: true, matched: [] });

    const listed: GateRule = {
      anyOf: [{ contract: 'PartnerPass', standard: 'erc721', tokenIds: ['5', '6'], minBalance: 1 }],
    };
    expect(evaluateGate(listed, { PartnerPass: { tokens: [{ id: 9n }] } }).allowed).toBe(false);
    expect(evaluateGate(listed, { PartnerPass: { tokens: [{ id: 6n }] } }).matched).toEqual([
      { contract: 'PartnerPass', tokenId: 6n },
    ]);

    const stamps: GateRule = {
      anyOf: [{ contract: 'Stamps', standard: 'erc1155', tokenIds: ['1', '2'], minBalance: 3 }],
    };
    expect(evaluateGate(stamps, { Stamps: { balances: { '1': 1n, '2': 1n } } }).allowed).toBe(false);
    expect(evaluateGate(stamps, { Stamps: { balances: { '1': 1n, '2': 2n } } }).allowed).toBe(true);
  });

  it('needs one of anyOf and every allOf', () => {
    const rule: GateRule = {
      anyOf: [
        { contract: 'LoungePass', standard: 'erc721', minTier: 3, minBalance: 1 },
        { contract: 'PartnerPass', standard: 'erc721', minBalance: 1 },
      ],
      allOf: [{ contract: 'Stamps', standard: 'erc1155', tokenIds: ['1'], minBalance: 1 }],
    };
    const partnerOnly = { PartnerPass: { balance: 1n } };
    expect(evaluateGate(rule, partnerOnly).allowed).toBe(false);
    expect(evaluateGate(rule, { ...partnerOnly, Stamps: { balances: { '1': 1n } } }).allowed).toBe(true);
  });
});

describe('gate content', () => {
  it('ships valid rules: vip for Gold or better, suite for PartnerPass holders', () => {
    const gates = parseRoomGates(roomGates);
    expect(gates.map((gate) => gate.room)).toEqual(['vip', 'suite']);
    expect(gates[0]?.rule.anyOf?.[0]).toMatchObject({ contract: 'LoungePass', minTier: 2 });
  });

  it('stops boot on a bad rule, naming the room and the field', () => {
    const bad = [
      {
        room: 'vip',
        rule: { anyOf: [{ contract: 'Stamps', standard: 'erc721', minTier: 2, minBalance: 0 }] },
      },
    ];
    expect(() => parseRoomGates(bad)).toThrow(/vip: rule\.anyOf\.0\.minBalance/);
    expect(() => parseRoomGates(bad)).toThrow(
      /vip: rule\.anyOf\.0\.minTier: minTier applies to LoungePass only/,
    );
    expect(() => parseRoomGates([{ room: 'suite', rule: {} }])).toThrow(
      /suite: rule: a rule needs anyOf or allOf/,
    );
    expect(() =>
      parseRoomGates([
        { room: 'x', rule: vip },
        { room: 'x', rule: vip },
      ]),
    ).toThrow(/one gate/);
  });

  it('accepts a raw address and refuses ERC-1155 without token ids', () => {
    const address = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
    expect(GateCondition.safeParse({ contract: address, standard: 'erc721', minBalance: 1 }).success).toBe(
      true,
    );
    expect(GateCondition.safeParse({ contract: 'Stamps', standard: 'erc1155', minBalance: 1 }).success).toBe(
      false,
    );
    expect(GateCondition.safeParse({ contract: '0x12', standard: 'erc721', minBalance: 1 }).success).toBe(
      false,
    );
  });
});
