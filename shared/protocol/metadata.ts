import { z } from 'zod';

/** Languages every metadata document exists in (the client's languages); `en` is the default document. */
export const METADATA_LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type MetadataLocale = (typeof METADATA_LOCALES)[number];
export const MetadataLocale = z.enum(METADATA_LOCALES);

/** Token kinds with metadata, as they appear in `/metadata/<kind>/...`. */
export const TOKEN_KINDS = ['stamp', 'prize', 'pass'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Contracts with an ERC-7572 document, as they appear in `/metadata/contract/<name>`. */
export const CONTRACT_DOCUMENTS = ['stamps', 'prizes', 'loungepass'] as const;
export const ContractDocumentName = z.enum(CONTRACT_DOCUMENTS);
export type ContractDocumentName = z.infer<typeof ContractDocumentName>;

/** ERC-1155's `{id}` substitution: 64 hex characters, no `0x` (lowercase by the standard; any case accepted). */
export const Erc1155IdParam = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters without 0x');

/** An ERC-721 token id in a URL: decimal, as OpenZeppelin's tokenURI writes it. */
export const DecimalIdParam = z.string().regex(/^\d{1,20}$/, 'must be a decimal integer');

/** The `{id}` substitution ERC-1155 clients do: lowercase hex, zero-padded to 64 characters. */
export function erc1155IdHex(id: bigint | number): string {
  return BigInt(id).toString(16).padStart(64, '0');
}

/** One trait as wallets and marketplaces read it (OpenSea's attributes convention). */
export const MetadataAttribute = z.strictObject({
  trait_type: z.string().min(1),
  value: z.union([z.string().min(1), z.number()]),
  display_type: z.enum(['number', 'boost_number', 'boost_percentage', 'date']).optional(),
});
export type MetadataAttribute = z.infer<typeof MetadataAttribute>;

/** The ERC-1155 metadata localization extension: where the other languages' documents are. */
export const MetadataLocalization = z.strictObject({
  uri: z.url().refine((uri) => uri.includes('{locale}'), 'must contain {locale}'),
  default: MetadataLocale,
  locales: z.array(MetadataLocale).min(1),
});

/** ERC-1155 / ERC-721 token metadata JSON as this server serves it (default and localized documents alike). */
export const TokenMetadata = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  image: z.url(),
  external_url: z.url(),
  /** Decimal places of the token's amount (ERC-1155): 0, every token is a whole item. */
  decimals: z.literal(0).optional(),
  attributes: z.array(MetadataAttribute).min(1),
  localization: MetadataLocalization,
});
export type TokenMetadata = z.infer<typeof TokenMetadata>;

/** ERC-7572 contract-level metadata (`contractURI()`): what a marketplace shows for the collection. */
export const ContractMetadata = z.strictObject({
  name: z.string().min(1),
  symbol: z.string().min(1),
  description: z.string().min(1),
  image: z.url(),
  external_link: z.url(),
});
export type ContractMetadata = z.infer<typeof ContractMetadata>;

/** Error codes of the metadata routes (read by wallets and developers, not shown in the lounge). */
export const MetadataErrorCode = z.enum([
  'invalidTokenId',
  'tokenNotFound',
  'unknownLocale',
  'unknownContract',
  'contractMissing',
  'notFound',
  'rateLimited',
]);
export type MetadataErrorCode = z.infer<typeof MetadataErrorCode>;

/** The body of a refused metadata or art request. */
export const MetadataErrorBody = z.strictObject({ error: MetadataErrorCode, detail: z.string().min(1) });
