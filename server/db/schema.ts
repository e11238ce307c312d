import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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

export const schema = { members, sessions, siweNonces };
