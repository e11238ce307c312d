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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AvatarLook } from '../../shared/avatar-look.ts';
import type { QuestProgress } from '../domain/quests/engine.ts';

/** A person in the lounge: a guest until they link a wallet, the same record afterwards. */
export const members = pgTable('members', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  address: text('address').unique(),
  locale: text('locale'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the member said the brand may email them (marketing); null = no. Sign-in codes never depend on it. */
  marketingConsentAt: timestamp('marketing_consent_at', { withTimezone: true }),
  /** The avatar the member chose (shared/avatar-look.ts, validated on read and write); null = their default look. */
  look: jsonb('look').$type<AvatarLook>(),
});

/** How a member proves who they are besides a wallet (members.address): an email, a passkey or the brand's login. */
export type CredentialKind = 'email' | 'passkey' | 'oidc';

/**
 * A member's lasting credentials. `subject` is what identifies it within its kind: the lower-cased email, the
 * passkey's credential id (base64url) or `<issuer> <sub>` for the brand's OpenID login (never the email alone).
 * A subject belongs to one member; it is never silently moved to another.
 */
export const memberCredentials = pgTable(
  'member_credentials',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CredentialKind>().notNull(),
    subject: text('subject').notNull(),
    /** What the member sees in their list: a masked email, the passkey's device, the brand's name. */
    label: text('label').notNull().default(''),
    /** Passkeys: the COSE public key (base64url), its signature counter and transports. */
    publicKey: text('public_key'),
    counter: bigint('counter', { mode: 'number' }),
    transports: jsonb('transports').$type<string[]>(),
    /** OIDC: the brand's member number (for earning rules later). */
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('member_credentials_subject_idx').on(table.kind, table.subject),
    index('member_credentials_member_idx').on(table.memberId),
    check('member_credentials_kind_check', sql`kind IN ('email', 'passkey', 'oidc')`),
  ],
);

/**
 * A signed-in browser ("Your devices"): one refresh-token family. The refresh credential lives in an HttpOnly
 * cookie as `<id>.<secret>`; only the SHA-256 of the current secret (and of the one before, for a short grace when
 * two tabs refresh at once) is kept. A presented secret that is neither ends the whole family (reuse detection).
 */
export const deviceSessions = pgTable(
  'device_sessions',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** How this browser signed in: guest, testWallet, wallet, email, passkey, oidc. */
    kind: text('kind').notNull(),
    refreshHash: text('refresh_hash').notNull(),
    previousHash: text('previous_hash'),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    /** A short description of the browser (from its User-Agent), for "Your devices". */
    userAgent: text('user_agent').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Renewed at every refresh by SESSION_TTL_HOURS: an unused browser is signed out after that long. */
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Why it ended: signedOut, reuse, removedByMember, erased, merged. */
    revokeReason: text('revoke_reason'),
    /** The browser's own id (its `layover_browser` cookie), kept across sign-outs: what a guest's ban covers. */
    browserId: text('browser_id'),
  },
  (table) => [
    index('device_sessions_member_idx').on(table.memberId),
    index('device_sessions_browser_idx').on(table.browserId),
  ],
);

/** One-time email codes: only hashes are kept (of the address and of the code); 5 tries, then the code is locked. */
export const emailCodes = pgTable(
  'email_codes',
  {
    id: text('id').primaryKey(),
    emailHash: text('email_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    /** SHA-256 of the requesting IP, for the per-IP limit. */
    ipHash: text('ip_hash').notNull(),
    tries: integer('tries').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [
    index('email_codes_email_idx').on(table.emailHash, table.createdAt),
    index('email_codes_ip_idx').on(table.ipHash, table.createdAt),
  ],
);

/**
 * Short-lived, single-use server state of a sign-in in progress: a WebAuthn challenge, an OIDC login's state, nonce
 * and PKCE verifier, or a merge ticket ("continue as that member"). Consumed once; expired rows are useless.
 */
export const authChallenges = pgTable(
  'auth_challenges',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<'webauthnRegister' | 'webauthnLogin' | 'oidc' | 'merge'>().notNull(),
    /** The member it belongs to, when one is signed in (registering a passkey, linking, the guest of a merge). */
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [index('auth_challenges_expires_idx').on(table.expiresAt)],
);

/** What staff did to members' accounts (support re-binding an email, ...): who, when, what; never the email itself. */
export const accountAudit = pgTable(
  'account_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorMemberId: text('actor_member_id'),
    action: text('action').notNull(),
    memberId: text('member_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('account_audit_member_idx').on(table.memberId, table.at)],
);

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
    /** The browser (refresh family) this access token was issued to; ending the device ends its tokens. */
    deviceId: text('device_id').references(() => deviceSessions.id, { onDelete: 'cascade' }),
  },
  (table) => [
    index('sessions_member_idx').on(table.memberId),
    index('sessions_device_idx').on(table.deviceId),
  ],
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

/** Where an outbox row stands: held for a wallet, queued, sent (tx in flight), mined (waiting confirmations), delivered, failed. */
export type OutboxStatus = 'held' | 'queued' | 'sent' | 'mined' | 'delivered' | 'failed';

/** What an outbox row puts on chain: a stamp, a prize, a LoungePass, or a pass's new tier. */
export type OutboxKind = 'stamp' | 'prize' | 'pass' | 'tier';

/** On-chain work for the oracle; sequential ids become sequential claim ids (cheaper to mint, see BENCHMARKS.md). */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `pass` mints a LoungePass, `tier` changes one's tier (server/passes); both carry no claim id. */
    kind: text('kind').$type<OutboxKind>().notNull(),
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
    /**
     * A prize held because its winner lacks the identity PRIZE_REQUIRES asks for: when it goes back to the prize's
     * supply unless they keep their account first. Null for every other row.
     */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
  },
  (table) => [
    index('outbox_status_idx').on(table.status, table.id),
    index('outbox_member_idx').on(table.memberId),
    check('outbox_kind_check', sql`kind IN ('stamp', 'prize', 'pass', 'tier')`),
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
    kind: text('kind').$type<OutboxKind | 'transfer'>().notNull(),
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
    check('mint_attempts_kind_check', sql`kind IN ('stamp', 'prize', 'pass', 'tier', 'transfer')`),
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
  memberCredentials,
  deviceSessions,
  emailCodes,
  authChallenges,
  accountAudit,
  sessions,
  siweNonces,
  events,
  questProgress,
  memberStamps,
  outbox,
  ledgerMeta,
  mintAttempts,
  gameScores,
  gameDailyBest,
  gameBest,
};
