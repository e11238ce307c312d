import { describe, expect, it } from 'vitest';
import { tokenBook } from '../../server/chain/oracle/calls.ts';
import { seedBundle } from '../../server/content/seed.ts';
import { prizeSources } from '../../server/metadata/sources.ts';
import { prizeDocument } from '../../server/metadata/token-documents.ts';
import { custodyFor } from '../../server/prizes/custody.ts';
import type { Prize } from '../../shared/content/prizes.ts';

// The prize paths' pure parts take the published catalogue as a parameter (issue 20): a prize published after boot is
// minted by its token id, kept in custody when transferable, and described with the published journeys.
const text = (en: string) => ({ en, 'zh-Hant': en, 'zh-Hans': en, vi: en });
const TEA: Prize = {
  id: 'tea-voucher',
  tokenId: 20,
  name: text('Tea Voucher'),
  perk: text('A pot of tea.'),
  maxSupply: 10,
  memberCap: 0,
  soulbound: false,
  enabled: true,
};
const seed = seedBundle();
const published = { ...seed, prizes: [...seed.prizes, TEA] };
const CUSTODY = '0x00000000000000000000000000000000000C0DE5';

describe('the oracle token book', () => {
  it('learns a published prize and keeps ids of earlier versions', () => {
    const book = tokenBook();
    book.learn({ version: 1, bundle: seed });
    expect(book.tokenOf({ kind: 'prize', itemId: 'tea-voucher' })).toBeUndefined();
    book.learn({ version: 2, bundle: published });
    expect(book.tokenOf({ kind: 'prize', itemId: 'tea-voucher' })).toBe(20n);
    // A later version without a stamp still mints a row queued for it under the earlier one.
    book.learn({ version: 3, bundle: { ...published, stamps: [] } });
    const stamp = seed.stamps[0];
    expect(stamp && book.tokenOf({ kind: 'stamp', itemId: stamp.id })).toBe(stamp && BigInt(stamp.tokenId));
    expect(book.tokenOf({ kind: 'pass', itemId: 'tea-voucher' })).toBeUndefined();
  });
});

describe('custody of a published prize', () => {
  it('keeps a transferable prize of the given catalogue in custody, never a soulbound or unknown one', () => {
    expect(custodyFor(CUSTODY, 'prize', TEA.id, published.prizes)).toBe(CUSTODY.toLowerCase());
    expect(custodyFor(CUSTODY, 'prize', TEA.id, seed.prizes)).toBeUndefined();
    expect(custodyFor(CUSTODY, 'prize', 'gold-pass', published.prizes)).toBeUndefined();
    expect(custodyFor(CUSTODY, 'stamp', TEA.id, published.prizes)).toBeUndefined();
    expect(custodyFor(undefined, 'prize', TEA.id, published.prizes)).toBeUndefined();
  });
});

describe('metadata of a published prize', () => {
  const quest = {
    ...seed.quests[0],
    id: 'tea-time',
    title: text('Tea Time'),
  } as (typeof seed.quests)[number];
  const withTea = { ...quest, rewards: { ...quest.rewards, prizes: [TEA.id] } };

  it('names the published journeys that award it', () => {
    expect(prizeSources(TEA, 'en', [withTea])).toContain('Tea Time');
    expect(prizeSources(TEA, 'en', seed.quests)).not.toContain('Tea Time');
  });

  it('shows the collection art when the prize has none, and marks a retired prize', () => {
    const sources = { quests: [withTea], prizeArt: new Set(['gold-pass']) };
    const doc = prizeDocument(TEA, 'en', 'https://lounge.example', sources);
    expect(doc.image).toBe('https://lounge.example/prizes/collection.svg');
    expect(doc.attributes.some((attribute) => attribute.trait_type === 'Retired')).toBe(false);
    const retired = prizeDocument({ ...TEA, enabled: false }, 'en', 'https://lounge.example', sources);
    expect(retired.attributes).toContainEqual({ trait_type: 'Retired', value: 'Yes' });
    const gold = seed.prizes.find((prize) => prize.id === 'gold-pass') as Prize;
    expect(prizeDocument(gold, 'en', 'https://lounge.example', sources).image).toMatch(/gold-pass\.svg$/);
  });
});
