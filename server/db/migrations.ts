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
];
