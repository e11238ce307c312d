import type { Db } from '../db/open.ts';
import { auditLog } from '../db/team-schema.ts';

/** One change to keep: who made it, what it was, to what, and the state before and after (JSON; null when none). */
export interface AuditEntry {
  /** The console member: their wallet address or `member:<id>` (ConsoleStaff.address). */
  actor: string;
  /** Dotted, area first, so the log filters by prefix: `team.grant`, `events.update`, `content.publish`. */
  action: string;
  /** What changed: an event id, a member id, a principal, a content document... */
  target: string;
  before?: unknown;
  after?: unknown;
}

/** Anything that can insert: the ledger or a transaction, so an audit line commits with the change it records. */
export type AuditWriter = Pick<Db, 'insert'>;

/** Appends one line to the audit log. Call it in the mutation's transaction where there is one. */
export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
