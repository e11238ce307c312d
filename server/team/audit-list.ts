import { and, desc, like, lt, type SQL } from 'drizzle-orm';
import type { AuditPage } from '../../shared/protocol/team.ts';
import type { Db } from '../db/open.ts';
import { auditLog } from '../db/team-schema.ts';
import { actorLabels } from './actor-labels.ts';

/** LIKE's wildcards taken literally, so an action prefix filters by prefix only. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** One page of the audit log, newest first: entries older than `before`, whose action starts with `action`. */
export async function auditPage(
  db: Db,
  query: { before?: number | undefined; limit: number; action?: string | undefined },
): Promise<AuditPage> {
  const where: SQL[] = [];
  if (query.before !== undefined) where.push(lt(auditLog.id, query.before));
  if (query.action) where.push(like(auditLog.action, `${literal(query.action)}%`));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const labels = await actorLabels(
    db,
    page.map((row) => row.actor),
  );
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      actorLabel: labels.get(row.actor) ?? row.actor,
      action: row.action,
      target: row.target,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
