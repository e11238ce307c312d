import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ContentBundle } from '../../shared/protocol/content.ts';

/**
 * Published content (issue 20): one row per version, the whole bundle as one document. Never updated: a rollback is
 * a new version holding a copy of an older one, so history stays.
 */
export const contentVersions = pgTable('content_versions', {
  version: integer('version').primaryKey(),
  documents: jsonb('documents').$type<ContentBundle>().notNull(),
  publishedBy: text('published_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().default(sql`now()`),
  note: text('note').notNull().default(''),
  basedOn: integer('based_on'),
});

/** Prizes added to the Prizes contract by a publish (addPrize's transaction), by content id. */
export const contentPrizeTransactions = pgTable('content_prize_transactions', {
  prizeId: text('prize_id').primaryKey(),
  tokenId: integer('token_id').notNull(),
  txHash: text('tx_hash').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().default(sql`now()`),
});
