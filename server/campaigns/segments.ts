import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { pointsProgram } from '../../shared/content/points-program.ts';
import type {
  SavedSegment,
  SavedSegmentBody,
  SegmentFilter,
  SegmentPreview,
} from '../../shared/protocol/segments.ts';
import type { AppContext } from '../context.ts';
import { segments } from '../db/campaigns-schema.ts';
import type { Db } from '../db/open.ts';
import { memberStatus } from '../points/member-status.ts';
import { recordAudit } from '../team/audit.ts';
import { type SegmentContext, segmentCondition } from './segment-sql.ts';

/** The members a preview shows by name. */
export const PREVIEW_SAMPLE = 10;

/**
 * What segments are evaluated against in this process now: the published status levels, points program, gates, and
 * how far the NFT index has come.
 */
export function segmentContext(ctx: AppContext): SegmentContext {
  return {
    now: ctx.clock.now(),
    levels: ctx.content.current().questContent.levels,
    program: pointsProgram,
    gates: { rules: ctx.gates.rules, contracts: ctx.chain.contracts, nftIndex: ctx.nftIndex },
  };
}

/** The ids of every member the filter matches, as one SQL statement (used by campaigns inside INSERT ... SELECT). */
export const matchingMembers = (filter: SegmentFilter, context: SegmentContext) =>
  sql`SELECT m.id FROM members m WHERE ${segmentCondition(filter, context)}`;

/** How many members match, and the first few by name with their status. */
export async function previewSegment(
  db: Db,
  filter: SegmentFilter,
  context: SegmentContext,
): Promise<SegmentPreview> {
  const condition = segmentCondition(filter, context);
  const result = (await db.execute(sql`
    SELECT m.id, m.display_name, count(*) OVER () AS size,
      (SELECT count(*) FROM member_stamps s WHERE s.member_id = m.id) AS stamps
    FROM members m WHERE ${condition}
    ORDER BY m.created_at DESC, m.id LIMIT ${PREVIEW_SAMPLE}`)) as unknown as {
    rows: { id: string; display_name: string; size: string | number; stamps: string | number }[];
  };
  const size = Number(result.rows[0]?.size ?? 0);
  const sample = await Promise.all(
    result.rows.map(async (row) => ({
      displayName: row.display_name,
      status: (await memberStatus(db, row.id, Number(row.stamps), context.now, context)).level,
    })),
  );
  return { size, sample };
}

const view = (row: typeof segments.$inferSelect): SavedSegment => ({
  id: row.id,
  name: row.name,
  filter: row.filter,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The brand's saved segments, newest first. */
export async function listSegments(db: Db): Promise<SavedSegment[]> {
  const rows = await db.select().from(segments).orderBy(desc(segments.updatedAt));
  return rows.map(view);
}

export async function findSegment(db: Db, id: string): Promise<SavedSegment | undefined> {
  const [row] = await db.select().from(segments).where(eq(segments.id, id));
  return row ? view(row) : undefined;
}

/** Saves a new segment under a fresh id (audited). */
export async function createSegment(
  db: Db,
  body: SavedSegmentBody,
  createdBy: string,
  now: Date,
): Promise<SavedSegment> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(segments)
      .values({ id: randomUUID(), ...body, createdBy, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('Layover: segment insert returned nothing');
    await recordAudit(tx, {
      actor: createdBy,
      action: 'campaigns.segment.create',
      target: row.id,
      after: body,
    });
    return view(row);
  });
}

/** Replaces a saved segment's name and filter (audited, before and after); undefined when there is none. */
export async function updateSegment(
  db: Db,
  id: string,
  body: SavedSegmentBody,
  actor: string,
  now: Date,
): Promise<SavedSegment | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(segments).where(eq(segments.id, id)).for('update');
    if (!before) return undefined;
    const [row] = await tx
      .update(segments)
      .set({ ...body, updatedAt: now })
      .where(eq(segments.id, id))
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor,
      action: 'campaigns.segment.update',
      target: id,
      before: { name: before.name, filter: before.filter },
      after: body,
    });
    return view(row);
  });
}

/** Deletes a saved segment (audited; campaigns sent to it keep their own copy of the filter). */
export async function deleteSegment(db: Db, id: string, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(segments).where(eq(segments.id, id)).returning();
    if (!gone) return false;
    await recordAudit(tx, {
      actor,
      action: 'campaigns.segment.delete',
      target: id,
      before: { name: gone.name, filter: gone.filter },
    });
    return true;
  });
}
