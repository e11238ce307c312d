import pg from 'pg';

/** Creates the database `databaseUrl` names when the server lacks it, so a first cluster start needs no psql. */
export async function ensureDatabase(databaseUrl: string): Promise<'created' | 'exists'> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error(`cluster: DATABASE_URL ${databaseUrl} names no database`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return 'created';
  } catch (error) {
    // Another launcher created it between our check and our CREATE.
    if ((error as { code?: string }).code === '42P04') return 'exists';
    throw error;
  } finally {
    await admin.end();
  }
}
