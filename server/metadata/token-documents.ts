import { perkSpecFor } from '../../shared/content/perks.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { Quest, Stamp } from '../../shared/content/quest-schema.ts';
import {
  type ContractDocumentName,
  type ContractMetadata,
  METADATA_LOCALES,
  type MetadataLocale,
  type TokenMetadata,
} from '../../shared/protocol/metadata.ts';
import { prizeSources, stampSources } from './sources.ts';
import { metadataTexts } from './texts.ts';
import { localizedUri } from './uris.ts';

/** Pass tiers as LoungePass numbers them (1..3). */
export const PASS_TIERS = ['Silver', 'Gold', 'Platinum'] as const;
export type PassTier = (typeof PASS_TIERS)[number];

/** What a token's document reads besides the token: the published quests, and which prizes have their own art. */
export interface DocumentSources {
  quests: readonly Quest[];
  /** Prize ids with art in assets/prizes; a prize published without art shows the collection's. */
  prizeArt: ReadonlySet<string>;
}

function localization(
  origin: string,
  kind: 'stamp' | 'prize' | 'pass',
  id: string,
): TokenMetadata['localization'] {
  return { uri: localizedUri(origin, kind, id), default: 'en', locales: [...METADATA_LOCALES] };
}

/** A stamp's ERC-1155 metadata in one language; `image` is its passport art. */
export function stampDocument(
  stamp: Stamp,
  locale: MetadataLocale,
  origin: string,
  sources: Pick<DocumentSources, 'quests'>,
): TokenMetadata {
  const texts = metadataTexts[locale];
  const name = stamp.name[locale];
  const earnedBy = stampSources(stamp, locale, sources.quests);
  return {
    name,
    description: texts.stampDescription(name, earnedBy),
    image: `${origin}/${stamp.art}`,
    external_url: origin,
    decimals: 0,
    attributes: [
      { trait_type: 'Kind', value: 'Stamp' },
      { trait_type: 'Soulbound', value: texts.yes },
      { trait_type: 'Earned by', value: earnedBy },
    ],
    localization: localization(origin, 'stamp', '{id}'),
  };
}

/** A prize's ERC-1155 metadata in one language: its perk, supply rules and where it comes from; retired if disabled. */
export function prizeDocument(
  prize: Prize,
  locale: MetadataLocale,
  origin: string,
  sources: DocumentSources,
): TokenMetadata {
  const texts = metadataTexts[locale];
  const name = prize.name[locale];
  const perk = prize.perk[locale];
  return {
    name,
    description: texts.prizeDescription(name, perk),
    image: `${origin}/prizes/${sources.prizeArt.has(prize.id) ? prize.id : 'collection'}.svg`,
    external_url: origin,
    decimals: 0,
    attributes: [
      { trait_type: 'Kind', value: 'Prize' },
      { trait_type: 'Perk', value: perk },
      { trait_type: 'Redeem for', value: redeemFor(prize, locale) },
      { trait_type: 'Soulbound', value: prize.soulbound ? texts.yes : texts.no },
      { trait_type: 'Max supply', value: prize.maxSupply, display_type: 'number' },
      { trait_type: 'Per member', value: prize.memberCap === 0 ? texts.unlimited : prize.memberCap },
      { trait_type: 'Earned by', value: prizeSources(prize, locale, sources.quests) },
      ...(prize.enabled ? [] : [{ trait_type: 'Retired', value: texts.yes }]),
    ],
    localization: localization(origin, 'prize', '{id}'),
  };
}

/** What redeeming the prize gives, from its perk kind (shared/content/perks.ts). */
function redeemFor(prize: Prize, locale: MetadataLocale): string {
  const words = metadataTexts[locale].redeemFor;
  const spec = perkSpecFor(prize.id);
  if (!spec) return words.held;
  return spec.kind === 'timedAccess' ? words.timedAccess(spec.room, spec.hours) : words[spec.kind];
}

/** A LoungePass's ERC-721 metadata in one language, from its tier on chain. */
export function passDocument(
  id: string,
  tier: PassTier,
  locale: MetadataLocale,
  origin: string,
): TokenMetadata {
  const texts = metadataTexts[locale];
  return {
    name: texts.passName(id),
    description: texts.passDescription(texts.tiers[tier]),
    image: `${origin}/passes/${tier.toLowerCase()}.svg`,
    external_url: origin,
    attributes: [{ trait_type: 'Tier', value: tier }],
    localization: localization(origin, 'pass', id),
  };
}

const SYMBOLS: Record<ContractDocumentName, string> = {
  stamps: 'LSTAMP',
  prizes: 'LPRIZE',
  loungepass: 'LPASS',
};
const IMAGES: Record<ContractDocumentName, string> = {
  stamps: 'stamps/collection.svg',
  prizes: 'prizes/collection.svg',
  loungepass: 'passes/gold.svg',
};

/** ERC-7572 contract metadata: the collection a marketplace shows above the tokens (English, as the standard has it). */
export function contractDocument(name: ContractDocumentName, origin: string): ContractMetadata {
  const collection = metadataTexts.en.collections[name];
  return {
    name: collection.name,
    symbol: SYMBOLS[name],
    description: collection.description,
    image: `${origin}/${IMAGES[name]}`,
    external_link: origin,
  };
}
