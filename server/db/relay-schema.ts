import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ForwardRequestMessage } from '../../shared/protocol/relay.ts';
import { members } from './schema.ts';

/** Where a relayed action stands: recorded (before any broadcast), broadcast, done, or refused. */
export type RelayedStatus = 'queued' | 'sent' | 'confirmed' | 'failed';

/**
 * Every gasless member action (issue 18), written BEFORE its transaction is broadcast: a redeem or gift relayed
 * through the ERC-2771 forwarder (signed by the member's wallet or by the custody key for them), a ledger-only move
 * of a held prize, or the claim of a gift link. The indexer finds which member a custody `PrizeRedeemed` belongs to
 * by `tx_hash` here (the chain only sees the custody address).
 */
export const relayedActions = pgTable(
  'relayed_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'redeem' | 'gift' | 'claim'>().notNull(),
    /** Where the prize sat: held (ledger only), custody (the brand's key signed), wallet (the member signed). */
    place: text('place').$type<'held' | 'custody' | 'wallet'>().notNull(),
    prizeId: text('prize_id').notNull(),
    tokenId: integer('token_id').notNull(),
    amount: integer('amount').notNull(),
    fromAddress: text('from_address'),
    toAddress: text('to_address'),
    claimLinkId: bigint('claim_link_id', { mode: 'number' }),
    /** The outbox row (held or custody prize) this action consumed or moved. */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    /** The ForwardRequest as signed; null for ledger-only actions. */
    request: jsonb('request').$type<ForwardRequestMessage>(),
    signature: text('signature'),
    /** The forwarder nonce of `from_address` the request uses: unique, so one signed request is recorded once. */
    forwardNonce: bigint('forward_nonce', { mode: 'number' }),
    status: text('status').$type<RelayedStatus>().notNull().default('queued'),
    /** The relayer's signed transaction, kept so a restart re-sends exactly this one (or finds its receipt). */
    rawTx: text('raw_tx'),
    relayerNonce: bigint('relayer_nonce', { mode: 'number' }),
    txHash: text('tx_hash'),
    blockNumber: bigint('block_number', { mode: 'number' }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('relayed_actions_tx_hash_idx').on(table.txHash),
    index('relayed_actions_member_idx').on(table.memberId, table.createdAt),
    index('relayed_actions_status_idx').on(table.status, table.id),
    uniqueIndex('relayed_actions_forward_nonce_idx').on(table.fromAddress, table.forwardNonce),
    check('relayed_actions_kind_check', sql`kind IN ('redeem', 'gift', 'claim')`),
    check('relayed_actions_place_check', sql`place IN ('held', 'custody', 'wallet')`),
    check('relayed_actions_status_check', sql`status IN ('queued', 'sent', 'confirmed', 'failed')`),
  ],
);

/**
 * A gift by claim link: only the SHA-256 of its one-time token is kept. `pending` while the gift travels into the
 * escrow (the custody key's address), `open` once claimable, `claimed` once; the friend never learns the gifter.
 */
export const relayClaimLinks = pgTable(
  'relay_claim_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    gifterId: text('gifter_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    prizeId: text('prize_id').notNull(),
    tokenId: integer('token_id').notNull(),
    amount: integer('amount').notNull(),
    /** Where the gift waits: an outbox row (held or custody) or escrow (tokens at the custody key's address). */
    place: text('place').$type<'held' | 'custody' | 'escrow'>().notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    state: text('state').$type<'pending' | 'open' | 'claimed'>().notNull(),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('relay_claim_links_state_check', sql`state IN ('pending', 'open', 'claimed')`)],
);
