import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './schema.ts';

/** Where a perk stands: usable, used at the desk (or by its access), or past its expiry. */
export type PerkState = 'ready' | 'used' | 'expired';

/** What redeeming a prize gives (shared/content/perks.ts names one per prize). */
export type PerkKind = 'generatedCode' | 'codePool' | 'timedAccess' | 'physical';

/** Kind-specific facts of a perk: the room a timed access opens, the pool a pooled perk takes its code from. */
export interface PerkDetails {
  room?: string;
  poolId?: string;
}

/**
 * One redemption of a prize, recorded once per `key` (`chain:<txHash>:<logIndex>` for an on-chain PrizeRedeemed
 * after its confirmations, or the caller's key for a held prize): the ledger's proof a redemption was fulfilled.
 */
export const perkRedemptions = pgTable(
  'perk_redemptions',
  {
    key: text('key').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    prizeId: text('prize_id').notNull(),
    amount: integer('amount').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('perk_redemptions_member_idx').on(table.memberId)],
);

/** A perk a member holds: its one-time code (what the desk checks in), state, expiry; one per redeemed unit. */
export const perks = pgTable(
  'perks',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    prizeId: text('prize_id').notNull(),
    kind: text('kind').$type<PerkKind>().notNull(),
    /** Crockford base32, 16 characters (80 random bits), stored without dashes. */
    code: text('code').notNull(),
    /** A pooled perk's code from the brand's uploaded pool (a partner's discount code). */
    partnerCode: text('partner_code'),
    state: text('state').$type<PerkState>().notNull().default('ready'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The staff member who marked it used (`member:<id>` or a wallet). */
    usedBy: text('used_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    details: jsonb('details').$type<PerkDetails>().notNull().default({}),
    redemptionKey: text('redemption_key')
      .notNull()
      .references(() => perkRedemptions.key, { onDelete: 'cascade' }),
    /** Which unit of the redemption this is (0..amount-1). */
    unit: integer('unit').notNull(),
    /** The brand that issued it: a code of another brand is refused at check-in. */
    brand: text('brand').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('perks_code_idx').on(table.code),
    uniqueIndex('perks_redemption_unit_idx').on(table.redemptionKey, table.unit),
    index('perks_member_idx').on(table.memberId),
    check('perks_state_check', sql`state IN ('ready', 'used', 'expired')`),
    check('perks_kind_check', sql`kind IN ('generatedCode', 'codePool', 'timedAccess', 'physical')`),
  ],
);

/** Where a physical perk goes: the member's shipping form (erased with the member, cascaded from perks). */
export const perkShipping = pgTable('perk_shipping', {
  perkId: text('perk_id')
    .primaryKey()
    .references(() => perks.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  addressLines: jsonb('address_lines').$type<string[]>().notNull(),
  city: text('city').notNull(),
  postcode: text('postcode').notNull(),
  /** ISO 3166-1 alpha-2. */
  country: text('country').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
});

/** Codes a brand uploaded for a pool (a partner's discount codes); a perk takes one, once. */
export const perkPoolCodes = pgTable(
  'perk_pool_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    poolId: text('pool_id').notNull(),
    code: text('code').notNull(),
    /** The perk that took it; null while available. */
    perkId: text('perk_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('perk_pool_codes_code_idx').on(table.poolId, table.code),
    index('perk_pool_codes_free_idx').on(table.poolId, table.id).where(sql`perk_id IS NULL`),
  ],
);

/** The prize indexer's cursor: the last block it processed (confirmed), per followed contract set. */
export const prizeIndexerCursor = pgTable('prize_indexer_cursor', {
  id: text('id').primaryKey(),
  blockNumber: bigint('block_number', { mode: 'bigint' }).notNull(),
  blockHash: text('block_hash').notNull(),
});

/** Hashes of recent processed blocks, to find the fork point when the chain reorganised under the cursor. */
export const prizeIndexerBlocks = pgTable(
  'prize_indexer_blocks',
  {
    cursorId: text('cursor_id').notNull(),
    blockNumber: bigint('block_number', { mode: 'bigint' }).notNull(),
    blockHash: text('block_hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cursorId, table.blockNumber] })],
);

/** One Prizes token movement (TransferSingle, or one id of a TransferBatch): where tokens are, by address. */
export const prizeTransfers = pgTable(
  'prize_transfers',
  {
    txHash: text('tx_hash').notNull(),
    logIndex: integer('log_index').notNull(),
    /** Position within a TransferBatch (0 for TransferSingle). */
    item: integer('item').notNull(),
    blockNumber: bigint('block_number', { mode: 'bigint' }).notNull(),
    tokenId: integer('token_id').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.txHash, table.logIndex, table.item] }),
    index('prize_transfers_to_idx').on(table.toAddress, table.tokenId),
    index('prize_transfers_from_idx').on(table.fromAddress, table.tokenId),
    index('prize_transfers_block_idx').on(table.blockNumber),
  ],
);
