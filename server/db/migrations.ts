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
  {
    version: 4,
    name: 'prize oracle',
    statements: [
      `CREATE TABLE ledger_meta (key text PRIMARY KEY, value text NOT NULL)`,
      // A random prefix makes this ledger's claim ids its own: a fresh ledger on an old chain never reuses one.
      `INSERT INTO ledger_meta (key, value) VALUES ('claim_prefix', md5(random()::text || clock_timestamp()::text))`,
      `ALTER TABLE outbox ADD COLUMN source text NOT NULL DEFAULT ''`,
      'ALTER TABLE outbox ADD COLUMN recipient text',
      'ALTER TABLE outbox ADD COLUMN attempt_id bigint',
      'ALTER TABLE outbox ADD COLUMN tx_hash text',
      'ALTER TABLE outbox ADD COLUMN block_number bigint',
      'ALTER TABLE outbox ADD COLUMN tries integer NOT NULL DEFAULT 0',
      'ALTER TABLE outbox ADD COLUMN last_error text',
      'ALTER TABLE outbox ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()',
      'ALTER TABLE outbox ADD COLUMN delivered_at timestamptz',
      `UPDATE outbox SET status = 'held' WHERE status = 'queued'`,
      `CREATE TABLE mint_attempts (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('stamp', 'prize')),
        nonce bigint NOT NULL,
        tx_hash text NOT NULL UNIQUE,
        raw_tx text NOT NULL,
        max_fee_per_gas text NOT NULL,
        outbox_ids jsonb NOT NULL,
        status text NOT NULL,
        block_number bigint,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX mint_attempts_nonce_idx ON mint_attempts (nonce)',
      'CREATE INDEX mint_attempts_status_idx ON mint_attempts (status)',
    ],
  },
  {
    version: 5,
    name: 'game leaderboards',
    statements: [
      // Every finished round of every player, keyed by its event id so a replay adds nothing.
      `CREATE TABLE game_scores (
        event_id text PRIMARY KEY,
        game_id text NOT NULL,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        score integer NOT NULL,
        won boolean NOT NULL,
        day date NOT NULL,
        at timestamptz NOT NULL
      )`,
      'CREATE INDEX game_scores_member_idx ON game_scores (member_id, game_id, at)',
      // One entry per member per game per UTC day: the best score of the day, the one prizes count.
      `CREATE TABLE game_daily_best (
        game_id text NOT NULL,
        day date NOT NULL,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        score integer NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (game_id, day, member_id)
      )`,
      'CREATE INDEX game_daily_best_board_idx ON game_daily_best (game_id, day, score DESC, at)',
      `CREATE TABLE game_best (
        game_id text NOT NULL,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        score integer NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (game_id, member_id)
      )`,
      'CREATE INDEX game_best_board_idx ON game_best (game_id, score DESC, at)',
    ],
  },
  {
    version: 6,
    name: 'prize custody',
    statements: [
      // The brand's custody address a guest's prize was minted to; null for rows minted straight to a member.
      'ALTER TABLE outbox ADD COLUMN custody text',
      'ALTER TABLE mint_attempts DROP CONSTRAINT mint_attempts_kind_check',
      `ALTER TABLE mint_attempts ADD CONSTRAINT mint_attempts_kind_check CHECK (kind IN ('stamp', 'prize', 'transfer'))`,
    ],
  },
];
