import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './schema.ts';

/**
 * One LoungePass per member, ever: the tier the pass rules give them (the highest reached) and where its token
 * stands. A higher tier later changes this row and queues an on-chain `setTier`, never a second pass.
 */
export const memberPasses = pgTable(
  'member_passes',
  {
    memberId: text('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** 1 Silver, 2 Gold, 3 Platinum: the highest tier any applied rule gave. */
    tier: integer('tier').notNull(),
    /** The outbox row (kind `pass`) that mints the token. */
    mintOutboxId: bigint('mint_outbox_id', { mode: 'number' }).notNull(),
    /** The token id, once PassMinted was read from the mint's receipt. */
    tokenId: text('token_id'),
    /** The tier the chain was last asked for (the mint's tier, then each queued `setTier`). */
    chainTier: integer('chain_tier').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('member_passes_tier_check', sql`tier BETWEEN 1 AND 3 AND chain_tier BETWEEN 1 AND 3`),
    index('member_passes_pending_idx').on(table.tokenId),
  ],
);

/** Why a member holds their pass: each pass rule applies to a member once (status reached, console grant, partner). */
export const passGrants = pgTable(
  'pass_grants',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The rule in shared/content/pass-rules.ts. */
    ruleId: text('rule_id').notNull(),
    source: text('source').$type<'status' | 'console' | 'partner'>().notNull(),
    tier: integer('tier').notNull(),
    /** The outbox row this grant queued (the mint or a `setTier`); null when the member already held this tier. */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('pass_grants_member_rule_idx').on(table.memberId, table.ruleId),
    check('pass_grants_source_check', sql`source IN ('status', 'console', 'partner')`),
  ],
);
