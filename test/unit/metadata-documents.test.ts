import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataTexts } from '../../server/metadata/texts.ts';
import {
  contractDocument,
  PASS_TIERS,
  passDocument,
  prizeDocument,
  stampDocument,
} from '../../server/metadata/token-documents.ts';
import { metadataOrigin, metadataUris } from '../../server/metadata/uris.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { quests } from '../../shared/content/quests.ts';
import { stamps } from '../../shared/content/stamps.ts';
import {
  CONTRACT_DOCUMENTS,
  ContractMetadata,
  Erc1155IdParam,
  erc1155IdHex,
  METADATA_LOCALES,
  TokenMetadata,
} from '../../shared/protocol/metadata.ts';

const ASSETS = join(import.meta.dirname, '../../assets');
const ORIGIN = 'https://lounge.example';
const SOURCES = { quests, prizeArt: new Set(prizes.map((prize) => prize.id)) };

describe('metadata documents', () => {
  it('exist for every stamp and prize in every language, valid and named from the content', () => {
    for (const locale of METADATA_LOCALES) {
      for (const stamp of stamps) {
        const body = TokenMetadata.parse(stampDocument(stamp, locale, ORIGIN, SOURCES));
        expect(body.name).toBe(stamp.name[locale]);
        expect(body.localization.uri).toBe(`${ORIGIN}/metadata/stamp/{locale}/{id}`);
      }
      for (const prize of prizes) {
        const body = TokenMetadata.parse(prizeDocument(prize, locale, ORIGIN, SOURCES));
        expect(body.description).toContain(prize.perk[locale]);
      }
      for (const tier of PASS_TIERS) TokenMetadata.parse(passDocument('7', tier, locale, ORIGIN));
    }
  });

  it('say how each token is earned: the journey, the game, the catalogue', () => {
    const firstVisit = stampDocument(stamps[0] as (typeof stamps)[number], 'en', ORIGIN, SOURCES);
    expect(firstVisit.attributes).toContainEqual({
      trait_type: 'Earned by',
      value: 'finishing the First Visit journey',
    });
    const dayPass = prizes.find((prize) => prize.id === 'lounge-day-pass');
    const earnedBy = prizeDocument(dayPass as (typeof prizes)[number], 'en', ORIGIN, SOURCES).attributes.find(
      (attribute) => attribute.trait_type === 'Earned by',
    );
    expect(earnedBy?.value).toMatch(
      /First Visit journey.*winning Paper Plane.*points catalogue.*live event drops/,
    );
    const redeemFor = (id: string) =>
      prizeDocument(
        prizes.find((prize) => prize.id === id) as (typeof prizes)[number],
        'en',
        ORIGIN,
        SOURCES,
      ).attributes.find((attribute) => attribute.trait_type === 'Redeem for')?.value;
    expect(redeemFor('lounge-day-pass')).toBe('Access to the VIP lounge for 24 hours');
    expect(redeemFor('upgrade-voucher')).toBe('A one-time code for the desk');
    expect(redeemFor('gold-pass')).toBe('Not redeemed: holding it is the perk');
  });

  it('point at art that exists, with an accessible title', () => {
    const images = [
      ...stamps.map((stamp) => stampDocument(stamp, 'en', ORIGIN, SOURCES).image),
      ...prizes.map((prize) => prizeDocument(prize, 'en', ORIGIN, SOURCES).image),
      ...PASS_TIERS.map((tier) => passDocument('1', tier, 'en', ORIGIN).image),
      ...CONTRACT_DOCUMENTS.map((name) => ContractMetadata.parse(contractDocument(name, ORIGIN)).image),
    ];
    for (const image of images) {
      expect(image.startsWith(`${ORIGIN}/`)).toBe(true);
      const file = join(ASSETS, image.slice(ORIGIN.length + 1));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/role="img"[^>]*aria-label(ledby)?="/);
    }
  });

  it('have every language in the texts table', () => {
    expect(Object.keys(metadataTexts).sort()).toEqual([...METADATA_LOCALES].sort());
  });
});

describe('metadata URLs', () => {
  it('start at PUBLIC_URL, else the real listening address (localhost for loopback)', () => {
    expect(metadataOrigin({ publicUrl: 'https://lounge.example/', host: '127.0.0.1' }, 2567)).toBe(ORIGIN);
    expect(metadataOrigin({ publicUrl: undefined, host: '127.0.0.1' }, 40123)).toBe('http://localhost:40123');
    expect(metadataOrigin({ publicUrl: undefined, host: '0.0.0.0' }, 80)).toBe('http://localhost:80');
    expect(metadataOrigin({ publicUrl: undefined, host: '192.168.1.20' }, 2567)).toBe(
      'http://192.168.1.20:2567',
    );
    expect(metadataUris(ORIGIN)).toEqual({
      stamps: `${ORIGIN}/metadata/stamp/{id}`,
      prizes: `${ORIGIN}/metadata/prize/{id}`,
      passBase: `${ORIGIN}/metadata/pass/`,
      contract: {
        stamps: `${ORIGIN}/metadata/contract/stamps`,
        prizes: `${ORIGIN}/metadata/contract/prizes`,
        loungepass: `${ORIGIN}/metadata/contract/loungepass`,
      },
    });
  });

  it('substitute {id} as ERC-1155 says: lowercase hex, 64 characters, no 0x', () => {
    expect(erc1155IdHex(10)).toBe(`${'0'.repeat(63)}a`);
    expect(erc1155IdHex(2n ** 255n)).toBe(`8${'0'.repeat(63)}`);
    expect(Erc1155IdParam.safeParse(erc1155IdHex(255)).success).toBe(true);
    for (const bad of ['1', `0x${'0'.repeat(62)}`, '0'.repeat(65), 'g'.repeat(64), ''])
      expect(Erc1155IdParam.safeParse(bad).success, bad).toBe(false);
  });
});
