import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { type GateRulesView, gateCondition } from '../../server/campaigns/segment-gates.ts';
import { nftIndexContracts } from '../../server/chain/indexer/gate-contracts.ts';
import type { GateCondition, RoomGate } from '../../shared/content/gates.ts';

// Which contracts the NFT index follows for the published gates, and how a gate condition becomes SQL over it (or is
// refused with gateNotIndexed).

const contracts = {
  LoungePass: '0x00000000000000000000000000000000000000A1',
  Prizes: '0x00000000000000000000000000000000000000B2',
  PartnerPass: '0x00000000000000000000000000000000000000C3',
};
const raw = '0x00000000000000000000000000000000000000Dd';
const view = (caughtUp: string[]): GateRulesView => ({
  rules: new Map(),
  contracts,
  nftIndex: { caughtUp: (address) => caughtUp.includes(address.toLowerCase()) },
});
const render = (condition: GateCondition, gates: GateRulesView) =>
  new PgDialect().sqlToQuery(gateCondition(condition, gates));

describe('nftIndexContracts', () => {
  it('follows every named or raw contract once, lowercase, but Prizes ERC-1155 and unconfigured names', () => {
    const gates: RoomGate[] = [
      {
        room: 'vip',
        rule: {
          anyOf: [
            { contract: 'LoungePass', standard: 'erc721', minTier: 2, minBalance: 1 },
            { contract: 'Prizes', standard: 'erc1155', tokenIds: ['1'], minBalance: 1 },
            { contract: contracts.Prizes, standard: 'erc1155', tokenIds: ['2'], minBalance: 1 },
          ],
        },
      },
      {
        room: 'suite',
        rule: {
          anyOf: [{ contract: 'PartnerPass', standard: 'erc721', minBalance: 1 }],
          allOf: [
            { contract: raw, standard: 'erc1155', tokenIds: ['7'], minBalance: 2 },
            { contract: 'Stamps', standard: 'erc1155', tokenIds: ['1'], minBalance: 1 },
            { contract: 'LoungePass', standard: 'erc721', minBalance: 1 },
          ],
        },
      },
    ];
    expect(nftIndexContracts(gates, contracts)).toEqual([
      contracts.LoungePass.toLowerCase(),
      contracts.PartnerPass.toLowerCase(),
      raw.toLowerCase(),
    ]);
  });
});

describe('gateCondition', () => {
  const partner: GateCondition = { contract: 'PartnerPass', standard: 'erc721', minBalance: 1 };

  it('refuses a contract the index has not caught up on, and one not configured, with gateNotIndexed', () => {
    expect(() => gateCondition(partner, view([]))).toThrow(
      expect.objectContaining({ code: 'gateNotIndexed', message: expect.stringMatching(/not caught up/) }),
    );
    expect(() => gateCondition(partner, { ...view([]), nftIndex: undefined })).toThrow(
      expect.objectContaining({ code: 'gateNotIndexed' }),
    );
    const stamps: GateCondition = { contract: 'Stamps', standard: 'erc1155', tokenIds: ['1'], minBalance: 1 };
    expect(() => gateCondition(stamps, view([]))).toThrow(
      expect.objectContaining({
        code: 'gateNotIndexed',
        message: 'Stamps is not configured on this deployment',
      }),
    );
  });

  it('reads Prizes ERC-1155 from prize_transfers without asking the NFT index', () => {
    const query = render(
      { contract: 'Prizes', standard: 'erc1155', tokenIds: ['3'], minBalance: 2 },
      view([]),
    );
    expect(query.sql).toContain('FROM prize_transfers t');
    expect(query.params).toEqual([3, 2]);
  });

  it('counts held ERC-721 tokens of the listed ids at minTier or above, by the contract address', () => {
    const pass = contracts.LoungePass.toLowerCase();
    const query = render(
      { contract: 'LoungePass', standard: 'erc721', tokenIds: ['5', '6'], minTier: 2, minBalance: 1 },
      view([pass]),
    );
    expect(query.sql).toContain('FROM nft_transfers t');
    expect(query.sql).toContain('HAVING');
    expect(query.sql).toContain('FROM nft_token_tiers g');
    expect(query.params).toEqual([pass, '5', '6', pass, 2, 1]);
  });

  it('sums ERC-1155 balances of a raw address over the listed ids', () => {
    const query = render(
      { contract: raw, standard: 'erc1155', tokenIds: ['7', '8'], minBalance: 3 },
      view([raw.toLowerCase()]),
    );
    expect(query.sql).not.toContain('nft_token_tiers');
    expect(query.params).toEqual([raw.toLowerCase(), '7', '8', 3]);
  });
});
