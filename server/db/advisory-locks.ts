/**
 * Every PostgreSQL advisory lock key the server takes, in one place: two roles sharing a key would block each other
 * (the relayer and the prize indexer once did). test/unit/advisory-locks.test.ts checks that no two are equal.
 */
export const ADVISORY_LOCKS = {
  /** Migrations, one process at a time (server/db/migrations.ts). */
  migrations: 727001,
  /** The minting oracle's leadership (server/chain/oracle/leader.ts). */
  oracle: 727002,
  /** The gas relayer, whose nonces are its own (server/chain/relay/service.ts). */
  relayer: 727018,
  /** The prize Transfer-log indexer, one per cluster (server/main.ts). */
  prizeIndexer: 727019,
  /** The NFT Transfer-log index of every gated contract, one per cluster (server/main.ts). */
  nftIndex: 727020,
  /** Analytics rollup refreshes, serialised across processes (server/analytics/refresh.ts). */
  analyticsRefresh: 2_026_120_720,
} as const;
