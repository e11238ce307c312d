import pg from 'pg';

/** The PostgreSQL advisory lock key that makes one process the minting oracle. */
const ORACLE_LOCK = 727002;

export interface Leadership {
  /** Resolves once this process holds the lock (at once on PGlite, where the process is alone). */
  acquired: Promise<void>;
  /** Aborts when the lock is lost (its connection broke) or on release. */
  lost: AbortSignal;
  release: () => Promise<void>;
}

/** Waits for the oracle lock on a connection of its own, held for as long as this process mints. */
export function takeOracleLeadership(databaseUrl: string | undefined, retryMs = 2_000): Leadership {
  const lost = new AbortController();
  if (!databaseUrl)
    return { acquired: Promise.resolve(), lost: lost.signal, release: async () => lost.abort() };
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => lost.abort());
  client.on('end', () => lost.abort());
  const acquired = (async () => {
    await client.connect();
    while (!lost.signal.aborted) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        ORACLE_LOCK,
      ]);
      if (rows[0]?.locked) return;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    throw new Error('Layover: oracle leadership released before it was acquired');
  })();
  return {
    acquired,
    lost: lost.signal,
    release: async () => {
      lost.abort();
      await client.end().catch(() => {});
    },
  };
}
