import { sql } from 'drizzle-orm';
import type { CampaignContent } from '../../shared/protocol/segments.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import type { Mail } from '../mail/mailer.ts';
import { noticeMail } from './notice-mail-text.ts';

/** Mails one round sends at most; the next round takes the rest. */
export const MAIL_BATCH = 50;
/** A claim older than this (its process died mid-send) is taken again. */
const STALE_CLAIM_MS = 10 * 60_000;

interface Claimed {
  campaign_id: string;
  member_id: string;
  email: string | null;
  consented: boolean;
  locale: string | null;
  content: CampaignContent;
  starts_at: string | null;
}

/**
 * One round of the campaigns' batched sender: claims up to MAIL_BATCH pending emails (SKIP LOCKED, so processes
 * never take the same one), and sends each to the member's email if they still have one and still consent at send
 * time; marks each sent, failed, or none (consent withdrawn). Returns how many were sent.
 */
export async function sendPendingCampaignMail(
  db: Db,
  mail: Mail,
  loungeUrl: string,
  now: Date,
): Promise<number> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const claimed = (await db.execute(sql`
    WITH pick AS (
      SELECT campaign_id, member_id FROM campaign_members
      WHERE email_status = 'pending' OR (email_status = 'sending' AND email_claimed_at < ${stale})
      LIMIT ${MAIL_BATCH} FOR UPDATE SKIP LOCKED
    ), claim AS (
      UPDATE campaign_members cm SET email_status = 'sending', email_claimed_at = ${now.toISOString()}
      FROM pick WHERE cm.campaign_id = pick.campaign_id AND cm.member_id = pick.member_id
      RETURNING cm.campaign_id, cm.member_id
    )
    SELECT claim.campaign_id, claim.member_id, m.locale, m.marketing_consent_at IS NOT NULL AS consented,
      (SELECT c.subject FROM member_credentials c WHERE c.member_id = m.id AND c.kind = 'email'
        ORDER BY c.created_at LIMIT 1) AS email,
      k.content, e.starts_at::text AS starts_at
    FROM claim JOIN members m ON m.id = claim.member_id JOIN campaigns k ON k.id = claim.campaign_id
    LEFT JOIN live_events e ON e.id = k.content->>'eventId'`)) as unknown as { rows: Claimed[] };
  let sent = 0;
  for (const row of claimed.rows) {
    const status = await sendOne(mail, row, loungeUrl);
    if (status === 'sent') sent++;
    await db.execute(sql`
      UPDATE campaign_members SET email_status = ${status},
        emailed_at = ${status === 'sent' ? new Date().toISOString() : null}
      WHERE campaign_id = ${row.campaign_id} AND member_id = ${row.member_id}`);
  }
  return sent;
}

async function sendOne(mail: Mail, row: Claimed, loungeUrl: string): Promise<'sent' | 'failed' | 'none'> {
  if (!row.email || !row.consented || row.content.kind === 'drop') return 'none';
  const message = noticeMail(row.content, row.locale, loungeUrl, row.starts_at);
  try {
    await mail.send(row.email, message.subject, message.text, message.html);
    return 'sent';
  } catch {
    return 'failed';
  }
}

/** Runs the sender every `intervalMs` in this process (never two rounds at once); returns stop. */
export function startCampaignMail(
  ctx: Pick<AppContext, 'ledger' | 'logger' | 'clock'>,
  mail: Mail,
  loungeUrl: string,
  intervalMs = 2_000,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running || !mail.available) return;
    running = sendPendingCampaignMail(ctx.ledger.db, mail, loungeUrl, new Date(ctx.clock.now()))
      .then(() => undefined)
      .catch((err: unknown) => ctx.logger.warn({ err }, 'campaign mail round failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
