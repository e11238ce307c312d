import { describe, expect, it } from 'vitest';
import { newPerkCode } from '../../server/points/purchase-reward.ts';
import { CatalogueItem, catalogue, catalogueItem, parseCatalogue } from '../../shared/content/catalogue.ts';
import { prizeById } from '../../shared/content/prizes.ts';

const words = { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x', vi: 'x' };
const item = (overrides: Record<string, unknown> = {}) => ({
  id: 'an-item',
  name: words,
  description: words,
  cost: 100,
  reward: { type: 'perk' },
  stock: null,
  perMemberLimit: 1,
  ...overrides,
});

describe('catalogue content', () => {
  it('offers the brand items with their rewards, prices, stock and limits', () => {
    expect(
      catalogue.map((entry) => [entry.id, entry.cost, entry.stock, entry.perMemberLimit, entry.reward.type]),
    ).toEqual([
      ['lounge-day-pass', 800, 50, 1, 'prize'],
      ['harbor-coffee-drink', 300, null, 5, 'perk'],
      ['lumen-weekend-raffle', 100, null, 10, 'raffle'],
      ['skyway-miles-500', 1000, null, 3, 'partnerTransfer'],
      ['upgrade-voucher', 2500, 20, 1, 'prize'],
    ]);
    for (const entry of catalogue)
      if (entry.reward.type === 'prize') expect(prizeById(entry.reward.prizeId)).toBeDefined();
    expect(catalogueItem('skyway-miles-500')?.reward).toMatchObject({
      partnerId: 'skyway-air',
      partnerUnits: 500,
    });
    expect(catalogueItem('nothing')).toBeUndefined();
  });

  it('refuses an unknown prize, a stock above the prize supply, a zero cost, a bad date and a duplicate id', () => {
    expect(CatalogueItem.safeParse(item({ reward: { type: 'prize', prizeId: 'no-prize' } })).success).toBe(
      false,
    );
    expect(
      CatalogueItem.safeParse(item({ reward: { type: 'prize', prizeId: 'upgrade-voucher' }, stock: 501 }))
        .success,
    ).toBe(false);
    expect(
      CatalogueItem.safeParse(item({ reward: { type: 'prize', prizeId: 'upgrade-voucher' }, stock: 500 }))
        .success,
    ).toBe(true);
    expect(CatalogueItem.safeParse(item({ cost: 0 })).success).toBe(false);
    expect(CatalogueItem.safeParse(item({ perMemberLimit: 0 })).success).toBe(false);
    expect(
      CatalogueItem.safeParse(item({ reward: { type: 'raffle', raffleId: 'r', drawsOn: '2027-02-30' } }))
        .success,
    ).toBe(false);
    expect(() => parseCatalogue('test', [item(), item()])).toThrow(/"an-item" twice/);
    expect(() => parseCatalogue('test', [item({ cost: -1 })])).toThrow(
      /bad catalogue item "an-item" in test: cost/,
    );
  });

  it('makes perk codes of 12 Crockford base32 characters, all different', () => {
    const codes = Array.from({ length: 2000 }, () => newPerkCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
