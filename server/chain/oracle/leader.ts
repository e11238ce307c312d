import pg from 'pg';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.ts';

/** The PostgreSQL advisory lock key that makes one process the minting oracle. */
const ORACLE_LOCK: number = ADVISORY_LOCKS.oracle;

export interface Leadership {
  /** Resolves once this process holds the lock (at once on PGlite, where the process is alone). */
  acquired: Promise<void>;
  /** Aborts when the lock is lost (its connection broke) or on release. */
  lost: AbortSignal;
  release: () => Promise<void>;
}

/**
 * Waits for the oracle lock on a connection of its own, held for as long as this process mints. Other one-per-cluster
 * jobs (the prize indexer) take the same kind of lock under their own key.
 */
export function takeOracleLeadership(
  databaseUrl: string | undefined,
  retryMs = 2_000,
  lockKey = ORACLE_LOCK,
): Leadership {
  const lost = new AbortController();
  if (!databaseUrl)
    return { acquired: Promise.resolve(), lost: lost.signal, release: async () => lost.abort() };
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, query_timeout: 5_000 });
  client.on('error', () => lost.abort());
  client.on('end', () => lost.abort());
  // A half-open connection frees the lock on the server without an error here: ask it every few seconds.
  let heartbeat: NodeJS.Timeout | undefined;
  lost.signal.addEventListener('abort', () => clearInterval(heartbeat), { once: true });
  const attempt = (async () => {
    await client.connect();
    while (!lost.signal.aborted) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        lockKey,
      ]);
      if (rows[0]?.locked) {
        heartbeat = setInterval(() => {
          client
            .query<{ held: boolean }>(
              'SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = $1 AND objid = $2 AND pid = pg_backend_pid() AND granted) AS held',
              ['advisory', lockKey],
            )
            .then((result) => {
              if (!result.rows[0]?.held) lost.abort();
            })
            .catch(() => lost.abort());
        }, 5_000);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    throw new Error('Layover: oracle leadership released before it was acquired');
  })();
  // Released while still connecting, pg's connect() may never settle: the release itself ends the wait.
  attempt.catch(() => {});
  const acquired = new Promise<void>((resolve, reject) => {
    attempt.then(resolve, reject);
    lost.signal.addEventListener(
      'abort',
      () => reject(new Error('Layover: leadership released before it was acquired')),
      { once: true },
    );
  });
  return {
    acquired,
    lost: lost.signal,
    release: async () => {
      lost.abort();
      await client.end().catch(() => {});
    },
  };
}
