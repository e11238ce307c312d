/** Ordered, append-only schema migrations; each runs once, in one transaction, under an advisory lock. */
export const migrations: readonly { version: number; name: string; statements: readonly string[] }[] = [
  {
    version: 1,
    name: 'members and sessions',
    statements: [
      `CREATE TABLE members (
        id text PRIMARY KEY,
        display_name text NOT NULL,
        address text UNIQUE,
        locale text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`,
      'CREATE INDEX sessions_member_idx ON sessions (member_id)',
    ],
  },
  {
    version: 2,
    name: 'siwe nonces',
    statements: [
      `CREATE TABLE siwe_nonces (
        nonce text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz
      )`,
      'CREATE INDEX siwe_nonces_expires_idx ON siwe_nonces (expires_at)',
    ],
  },
  {
    version: 3,
    name: 'quest ledger',
    statements: [
      `CREATE TABLE events (
        id text PRIMARY KEY,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind text NOT NULL,
        payload jsonb NOT NULL,
        at timestamptz NOT NULL
      )`,
      'CREATE INDEX events_member_idx ON events (member_id, at)',
      `CREATE TABLE quest_progress (
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        quest_id text NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, quest_id)
      )`,
      `CREATE TABLE member_stamps (
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        stamp_id text NOT NULL,
        quest_id text NOT NULL,
        earned_at timestamptz NOT NULL,
        event_id text NOT NULL,
        place text NOT NULL,
        PRIMARY KEY (member_id, stamp_id)
      )`,
      `CREATE TABLE member_points (
        member_id text PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        points bigint NOT NULL
      )`,
      `CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('stamp', 'prize')),
        member_id text NOT NULL REFERENCES members(id),
        item_id text NOT NULL,
        event_id text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX outbox_status_idx ON outbox (status, id)',
      'CREATE INDEX outbox_member_idx ON outbox (member_id)',
    ],
  },
];
