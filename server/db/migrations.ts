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
  {
    version: 7,
    name: 'live events',
    statements: [
      // Brand staff by wallet address; `host` runs events and opens the console.
      `CREATE TABLE staff (
        address text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('host', 'admin')),
        added_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE live_events (
        id text PRIMARY KEY,
        spec jsonb NOT NULL,
        hall text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        ended_at timestamptz,
        stage jsonb NOT NULL DEFAULT '{}'
      )`,
      'CREATE INDEX live_events_starts_idx ON live_events (starts_at)',
      `CREATE TABLE event_drops (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL REFERENCES live_events(id),
        drop_key text NOT NULL,
        prize_id text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('first', 'raffle')),
        supply integer NOT NULL CHECK (supply > 0),
        claimed integer NOT NULL DEFAULT 0 CHECK (claimed <= supply),
        opened_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        seed text NOT NULL,
        commit text NOT NULL,
        drawn_at timestamptz,
        UNIQUE (event_id, drop_key)
      )`,
      `CREATE TABLE drop_claims (
        drop_id bigint NOT NULL REFERENCES event_drops(id),
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        won boolean,
        outbox_id bigint,
        PRIMARY KEY (drop_id, member_id)
      )`,
      `CREATE TABLE event_visits (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL REFERENCES live_events(id),
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        room_id text NOT NULL,
        joined_at timestamptz NOT NULL,
        left_at timestamptz
      )`,
      'CREATE INDEX event_visits_event_idx ON event_visits (event_id, member_id)',
      `CREATE TABLE event_bans (
        scope_key text NOT NULL,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        event_id text,
        banned_by text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (scope_key, member_id)
      )`,
      `CREATE TABLE event_reports (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL REFERENCES live_events(id),
        reporter_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        member_id text NOT NULL,
        reason text NOT NULL,
        note text NOT NULL,
        at timestamptz NOT NULL
      )`,
      `CREATE TABLE poll_votes (
        poll_id text NOT NULL,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        option integer NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (poll_id, member_id)
      )`,
      `CREATE TABLE content_drafts (
        kind text NOT NULL,
        id text NOT NULL,
        body jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
    ],
  },
];
