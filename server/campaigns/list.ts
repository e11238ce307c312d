import { sql } from 'drizzle-orm';
import type { CampaignContent, CampaignKind, CampaignView } from '../../shared/protocol/segments.ts';
import type { Db } from '../db/open.ts';

/** Campaigns the console lists at once, newest first. */
export const CAMPAIGNS_LISTED = 100;

interface CampaignRow {
  id: string;
  kind: CampaignKind;
  segment_name: string | null;
  content: CampaignContent;
  created_at: string | Date;
  created_by: string;
  members: string | number;
  minted: string | number;
  emailed: string | number;
  seen: string | number;
}

/**
 * Campaigns with how far each went, counted in SQL: members reached, prizes delivered on chain, emails sent and
 * notices seen. With `id`, that one campaign only.
 */
export async function listCampaigns(db: Db, id?: string): Promise<CampaignView[]> {
  const result = (await db.execute(sql`
    SELECT k.id, k.kind, s.name AS segment_name, k.content, k.created_at, k.created_by,
      (SELECT count(*) FROM campaign_members cm WHERE cm.campaign_id = k.id) AS members,
      (SELECT count(*) FROM campaign_members cm JOIN outbox o ON o.id = cm.outbox_id
        WHERE cm.campaign_id = k.id AND o.status = 'delivered') AS minted,
      (SELECT count(*) FROM campaign_members cm WHERE cm.campaign_id = k.id AND cm.email_status = 'sent') AS emailed,
      (SELECT count(*) FROM member_notices n WHERE n.campaign_id = k.id AND n.seen_at IS NOT NULL) AS seen
    FROM campaigns k LEFT JOIN segments s ON s.id = k.segment_id
    WHERE ${id === undefined ? sql`true` : sql`k.id = ${id}`}
    ORDER BY k.created_at DESC, k.id LIMIT ${CAMPAIGNS_LISTED}`)) as unknown as { rows: CampaignRow[] };
  return result.rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    segmentName: row.segment_name,
    content: typeof row.content === 'string' ? (JSON.parse(row.content) as CampaignContent) : row.content,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    counts: {
      members: Number(row.members),
      minted: Number(row.minted),
      emailed: Number(row.emailed),
      seen: Number(row.seen),
    },
  }));
}
