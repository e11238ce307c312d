import { sql } from 'drizzle-orm';
import type { CampaignContent, MemberNotice } from '../../shared/protocol/segments.ts';
import type { Db } from '../db/open.ts';

/** Notices one member sees at once; older unseen ones wait for the next visit. */
export const NOTICES_SHOWN = 20;

interface NoticeRow {
  id: string;
  kind: 'announcement' | 'invitation';
  payload: CampaignContent;
  created_at: string | Date;
  event_id: string | null;
  hall: string | null;
  starts_at: string | Date | null;
  ends_at: string | Date | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The member's unseen notices, oldest first. An invitation carries its event while the event is upcoming or live
 * (not cancelled, not ended); once it is over the invitation still shows, without the way to the hall.
 */
export async function unseenNotices(db: Db, memberId: string, now: Date): Promise<MemberNotice[]> {
  const result = (await db.execute(sql`
    SELECT n.id, n.kind, n.payload, n.created_at, e.id AS event_id, e.hall, e.starts_at, e.ends_at
    FROM member_notices n
    LEFT JOIN live_events e ON n.kind = 'invitation' AND e.id = n.payload->>'eventId'
      AND e.cancelled_at IS NULL AND e.ended_at IS NULL AND e.ends_at > ${now.toISOString()}
    WHERE n.member_id = ${memberId} AND n.seen_at IS NULL
    ORDER BY n.created_at, n.id LIMIT ${NOTICES_SHOWN}`)) as unknown as { rows: NoticeRow[] };
  return result.rows.map((row) => toNotice(row, now));
}

function toNotice(row: NoticeRow, now: Date): MemberNotice {
  const base = { id: row.id, kind: row.kind, createdAt: iso(row.created_at) };
  const content =
    typeof row.payload === 'string' ? (JSON.parse(row.payload) as CampaignContent) : row.payload;
  if (content.kind === 'announcement') return { ...base, title: content.title, body: content.body };
  if (content.kind === 'drop') throw new Error('Layover: a drop never becomes a notice');
  const event =
    row.event_id && row.hall && row.starts_at && row.ends_at
      ? {
          id: row.event_id,
          hall: row.hall,
          startsAt: iso(row.starts_at),
          endsAt: iso(row.ends_at),
          live: new Date(row.starts_at) <= now,
        }
      : undefined;
  return { ...base, body: content.message, ...(event ? { event } : {}) };
}

/** Marks one of the member's own notices seen; false when it is not theirs or not there (seen again is fine). */
export async function markNoticeSeen(
  db: Db,
  memberId: string,
  noticeId: string,
  now: Date,
): Promise<boolean> {
  const result = (await db.execute(sql`
    UPDATE member_notices SET seen_at = coalesce(seen_at, ${now.toISOString()}::timestamptz)
    WHERE id = ${noticeId} AND member_id = ${memberId} RETURNING id`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}
