// Machine-wide facts for the partner bench: how busy all cores were (PostgreSQL and other work included), and a
// fresh PostgreSQL database per run.
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Busy and total jiffies of all cores, from /proc/stat. */
function jiffies(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
  return { busy: total - idle, total };
}

/** Share of all cores busy between `mark()` and `read()` (0..1); NaN where /proc/stat is not readable. */
export function machineBusy(): { mark: () => void; read: () => number } {
  let start = { busy: 0, total: 0 };
  const safe = () => {
    try {
      return jiffies();
    } catch {
      return { busy: Number.NaN, total: Number.NaN };
    }
  };
  return {
    mark: () => {
      start = safe();
    },
    read: () => {
      const now = safe();
      return (now.busy - start.busy) / (now.total - start.total);
    },
  };
}

/** Drops and creates the database `url` names (never postgres, template0/1 or test), so each run starts empty. */
export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || ['postgres', 'template0', 'template1', 'test'].includes(name))
    throw new Error(`partner bench: will not drop the database "${name}"; name one of its own`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
