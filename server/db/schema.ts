import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { QuestProgress } from '../domain/quests/engine.ts';

/** A person in the lounge: a guest until they link a wallet, the same record afterwards. */
export const members = pgTable('members', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  address: text('address').unique(),
  locale: text('locale'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Bearer sessions; only the SHA-256 of a token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('sessions_member_idx').on(table.memberId)],
);

/** Single-use Sign-In with Ethereum nonces; `consumed_at` is set once, after a sign-in fully passed. */
export const siweNonces = pgTable(
  'siwe_nonces',
  {
    nonce: text('nonce').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [index('siwe_nonces_expires_idx').on(table.expiresAt)],
);

/** Domain events, keyed by their occurrence id: a replayed id is refused, so nothing it earned is counted twice. */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('events_member_idx').on(table.memberId, table.at)],
);

/** One member's run of one quest, as the quest engine keeps it. */
export const questProgress = pgTable(
  'quest_progress',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    questId: text('quest_id').notNull(),
    state: jsonb('state').$type<QuestProgress>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.questId] })],
);

/** Passport stamps earned; one of each per member. */
export const memberStamps = pgTable(
  'member_stamps',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    stampId: text('stamp_id').notNull(),
    questId: text('quest_id').notNull(),
    earnedAt: timestamp('earned_at', { withTimezone: true }).notNull(),
    eventId: text('event_id').notNull(),
    place: text('place').notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.stampId] })],
);

export const memberPoints = pgTable('member_points', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  points: bigint('points', { mode: 'number' }).notNull(),
});

/** Where an outbox row stands: held for a wallet, queued, sent (tx in flight), mined (waiting confirmations), delivered, failed. */
export type OutboxStatus = 'held' | 'queued' | 'sent' | 'mined' | 'delivered' | 'failed';

/** On-chain work for the oracle; sequential ids become sequential claim ids (cheaper to mint, see BENCHMARKS.md). */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<'stamp' | 'prize'>().notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    itemId: text('item_id').notNull(),
    eventId: text('event_id').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** What earned it: a quest, game or live-event id. */
    source: text('source').notNull().default(''),
    /** The wallet it is minted to; null while held for a guest. */
    recipient: text('recipient'),
    /** The mint attempt (transaction) that carries it now. */
    attemptId: bigint('attempt_id', { mode: 'number' }),
    txHash: text('tx_hash'),
    blockNumber: bigint('block_number', { mode: 'number' }),
    tries: integer('tries').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** The custody address a guest's prize was minted to; once the guest has a wallet it is transferred on. */
    custody: text('custody'),
  },
  (table) => [
    index('outbox_status_idx').on(table.status, table.id),
    index('outbox_member_idx').on(table.memberId),
    check('outbox_kind_check', sql`kind IN ('stamp', 'prize')`),
  ],
);

/** Key-value facts about this ledger (its claim id prefix). */
export const ledgerMeta = pgTable('ledger_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every signed transaction the oracle made, written before it is broadcast; replacements share a nonce. */
export const mintAttempts = pgTable(
  'mint_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<'stamp' | 'prize' | 'transfer'>().notNull(),
    nonce: bigint('nonce', { mode: 'number' }).notNull(),
    txHash: text('tx_hash').notNull().unique(),
    rawTx: text('raw_tx').notNull(),
    maxFeePerGas: text('max_fee_per_gas').notNull(),
    outboxIds: jsonb('outbox_ids').$type<number[]>().notNull(),
    /** signed -> sent -> mined -> confirmed; or replaced, reverted, dropped. */
    status: text('status').notNull(),
    blockNumber: bigint('block_number', { mode: 'number' }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('mint_attempts_nonce_idx').on(table.nonce),
    index('mint_attempts_status_idx').on(table.status),
    check('mint_attempts_kind_check', sql`kind IN ('stamp', 'prize', 'transfer')`),
  ],
);

/** Every finished game round of every player, keyed by the round's event id (a replay adds nothing). */
export const gameScores = pgTable(
  'game_scores',
  {
    eventId: text('event_id').primaryKey(),
    gameId: text('game_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    won: boolean('won').notNull(),
    /** UTC day, YYYY-MM-DD. */
    day: date('day', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('game_scores_member_idx').on(table.memberId, table.gameId, table.at)],
);

/** A member's best score of one game on one UTC day: the one entry per day that leaderboards and prizes count. */
export const gameDailyBest = pgTable(
  'game_daily_best',
  {
    gameId: text('game_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    /** When the score was first reached; the earlier one ranks first on a tie. */
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.gameId, table.day, table.memberId] }),
    index('game_daily_best_board_idx').on(table.gameId, table.day, table.score.desc().nullsFirst(), table.at),
  ],
);

/** A member's best score of one game ever (the all-time board). */
export const gameBest = pgTable(
  'game_best',
  {
    gameId: text('game_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.gameId, table.memberId] }),
    index('game_best_board_idx').on(table.gameId, table.score.desc().nullsFirst(), table.at),
  ],
);

export const schema = {
  members,
  sessions,
  siweNonces,
  events,
  questProgress,
  memberStamps,
  memberPoints,
  outbox,
  ledgerMeta,
  mintAttempts,
  gameScores,
  gameDailyBest,
  gameBest,
};
