import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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

/** Whose points an entry moves: a member's, the brand's (it issues them), a partner's, expired ones, spent ones. */
export type PointsAccountKind = 'member' | 'brand' | 'partner' | 'expiry' | 'catalogue' | 'erased';

/** What a movement was; the member's history names it by its reason. */
export type PointsMovementKind =
  | 'opening'
  | 'quest'
  | 'earn'
  | 'partner'
  | 'partnerReversal'
  | 'purchase'
  | 'refund'
  | 'expiry'
  | 'adjustment'
  | 'merge';

/** A reason a member can read: a code the client translates, with its parameters. */
export interface PointsReason {
  code: string;
  params?: Record<string, string | number>;
}

/**
 * One movement of points: two or more entries that sum to zero (a deferred trigger refuses any other), posted once
 * per `key` (the idempotency key: an event id, a partner's activity, a purchase), never updated afterwards.
 */
export const pointsMovements = pgTable(
  'points_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    kind: text('kind').$type<PointsMovementKind>().notNull(),
    reason: jsonb('reason').$type<PointsReason>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The partner it came from or went to, for earn/burn by partner. */
    partnerId: text('partner_id'),
    /** What earned or spent it (a quest, rule, catalogue item, activity type): earn/burn by source. */
    source: text('source').notNull().default(''),
    /** The staff member who made an adjustment (`member:<id>` or a wallet). */
    createdBy: text('created_by'),
  },
  (table) => [
    uniqueIndex('points_movements_key_idx').on(table.key),
    index('points_movements_at_idx').on(table.at),
    check(
      'points_movements_kind_check',
      sql`kind IN ('opening', 'quest', 'earn', 'partner', 'partnerReversal', 'purchase', 'refund', 'expiry', 'adjustment', 'merge')`,
    ),
  ],
);

/** One side of a movement: `amount` added to one account (negative takes away). A member's balance is their sum. */
export const pointsEntries = pgTable(
  'points_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    movementId: bigint('movement_id', { mode: 'number' })
      .notNull()
      .references(() => pointsMovements.id),
    accountKind: text('account_kind').$type<PointsAccountKind>().notNull(),
    /** The member's id, the partner's id, or the kind itself for brand/expiry/catalogue; an erased member's new id. */
    accountId: text('account_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The movement's time, here too so balances at a time and expiry read one table. */
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('points_entries_account_idx').on(table.accountKind, table.accountId, table.at),
    index('points_entries_movement_idx').on(table.movementId),
    check('points_entries_amount_check', sql`amount <> 0`),
    check(
      'points_entries_account_kind_check',
      sql`account_kind IN ('member', 'brand', 'partner', 'expiry', 'catalogue', 'erased')`,
    ),
  ],
);

/** A partner brand registered to send activities and receive redemptions; its secret signs both ways. */
export const partners = pgTable('partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The HMAC-SHA256 key (base64url); shown once when made or rotated, kept because verifying needs it. */
  secret: text('secret').notNull(),
  /** How far below zero a reversal of this partner's activity may take a member's balance. */
  negativeLimit: bigint('negative_limit', { mode: 'number' }).notNull().default(0),
  /** Where redemptions with this partner are posted (signed); null for none. */
  webhookUrl: text('webhook_url'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where a partner activity stands. */
export type PartnerActivityStatus = 'credited' | 'unmatched' | 'reversed' | 'dropped';

/**
 * An activity a partner reported (a flight, a purchase, a stay), once per (partner, Idempotency-Key). Activities for
 * members not found yet wait `unmatched` until `expiresAt` (90 days), then are dropped with their personal data.
 */
export const partnerActivities = pgTable(
  'partner_activities',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the request body: the same key with another body is a 409. */
    bodyHash: text('body_hash').notNull(),
    type: text('type').notNull(),
    /** How the partner named the member ({ externalId } | { email } | { memberNumber }); emptied when dropped. */
    memberRef: jsonb('member_ref').$type<Record<string, string>>().notNull(),
    memberId: text('member_id').references(() => members.id, { onDelete: 'set null' }),
    points: bigint('points', { mode: 'number' }).notNull(),
    status: text('status').$type<PartnerActivityStatus>().notNull(),
    /** The partner's own description, shown in the member's history. */
    description: text('description').notNull().default(''),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('partner_activities_key_idx').on(table.partnerId, table.idempotencyKey),
    index('partner_activities_status_idx').on(table.status, table.expiresAt),
    index('partner_activities_member_idx').on(table.memberId),
    check('partner_activities_status_check', sql`status IN ('credited', 'unmatched', 'reversed', 'dropped')`),
  ],
);

/** A member's number to give a partner's desk (`LO` + digits), made the first time it is shown. */
export const memberNumbers = pgTable('member_numbers', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  number: text('number').notNull().unique(),
});

/** How many of each catalogue item are sold; the stock itself is content. */
export const catalogueStock = pgTable('catalogue_stock', {
  itemId: text('item_id').primaryKey(),
  sold: integer('sold').notNull().default(0),
});

/** Where a purchase stands: paid (perk or raffle entry given), waiting for its mint, fulfilled, refunded. */
export type CataloguePurchaseStatus = 'pending' | 'fulfilled' | 'refunded';

/** A member's purchase from the catalogue; its points moved in the movement keyed `purchase:<id>`. */
export const cataloguePurchases = pgTable(
  'catalogue_purchases',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    status: text('status').$type<CataloguePurchaseStatus>().notNull(),
    /** The prize mint queued for it, if the item is a prize. */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    /** A perk's one-time code (random, unguessable). */
    perkCode: text('perk_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('catalogue_purchases_member_idx').on(table.memberId, table.itemId),
    index('catalogue_purchases_outbox_idx').on(table.outboxId),
    /** The refund sweep reads only pending purchases: it never scans every purchase ever made. */
    index('catalogue_purchases_pending_idx').on(table.outboxId).where(sql`status = 'pending'`),
    uniqueIndex('catalogue_purchases_perk_code_idx').on(table.perkCode),
    check('catalogue_purchases_status_check', sql`status IN ('pending', 'fulfilled', 'refunded')`),
  ],
);

/** A signed call to a partner's webhook, delivered at least once (retried with backoff); `eventKey` dedupes. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    eventKey: text('event_key').notNull().unique(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    index('webhook_deliveries_due_idx').on(table.status, table.nextAttemptAt),
    check('webhook_deliveries_status_check', sql`status IN ('pending', 'delivered', 'failed')`),
  ],
);

/** Notices sent about points about to expire, once per member and expiry day. */
export const pointsNotices = pgTable(
  'points_notices',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    expiresOn: text('expires_on').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.expiresOn] })],
);
