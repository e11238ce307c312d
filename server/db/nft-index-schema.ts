import { bigint, index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * One token movement of a contract a published gate names (issue 20, segments): an ERC-721 Transfer (amount 1), or
 * one token id of an ERC-1155 TransferSingle/TransferBatch. Addresses lowercase; a replayed log is the same row.
 */
export const nftTransfers = pgTable(
  'nft_transfers',
  {
    contract: text('contract').notNull(),
    txHash: text('tx_hash').notNull(),
    logIndex: integer('log_index').notNull(),
    /** Position within a TransferBatch (0 otherwise). */
    item: integer('item').notNull(),
    blockNumber: bigint('block_number', { mode: 'bigint' }).notNull(),
    tokenId: numeric('token_id', { precision: 78, scale: 0 }).notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    amount: numeric('amount', { precision: 78, scale: 0 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.contract, table.txHash, table.logIndex, table.item] }),
    index('nft_transfers_to_idx').on(table.contract, table.toAddress, table.tokenId),
    index('nft_transfers_from_idx').on(table.contract, table.fromAddress, table.tokenId),
    index('nft_transfers_block_idx').on(table.contract, table.blockNumber),
  ],
);

/** A LoungePass tier set on chain (PassMinted or TierChanged): a token's newest row is its tier now. */
export const nftTokenTiers = pgTable(
  'nft_token_tiers',
  {
    contract: text('contract').notNull(),
    txHash: text('tx_hash').notNull(),
    logIndex: integer('log_index').notNull(),
    blockNumber: bigint('block_number', { mode: 'bigint' }).notNull(),
    tokenId: numeric('token_id', { precision: 78, scale: 0 }).notNull(),
    tier: integer('tier').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.contract, table.txHash, table.logIndex] }),
    index('nft_token_tiers_token_idx').on(table.contract, table.tokenId, table.blockNumber, table.logIndex),
  ],
);
