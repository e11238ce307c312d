import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Prize } from '../../shared/content/prizes.ts';
import type {
  CampaignContent,
  CreateCampaignBody,
  DropTooLargeDetail,
  SegmentFilter,
} from '../../shared/protocol/segments.ts';
import { campaigns } from '../db/campaigns-schema.ts';
import type { Db } from '../db/open.ts';
import { queueAward } from '../prizes/award.ts';
import type { PrizeRequirement } from '../prizes/eligibility.ts';
import { recordAudit } from '../team/audit.ts';
import { dropFits } from './drop-checks.ts';
import type { SegmentContext } from './segment-sql.ts';
import { matchingMembers } from './segments.ts';

/** Why a campaign was not created; nothing of it is left in the ledger. */
export class CampaignRefusal extends Error {
  constructor(
    readonly code: 'segmentEmpty' | 'dropTooLarge',
    detail: string,
    readonly numbers?: DropTooLargeDetail,
  ) {
    super(detail);
    this.name = 'CampaignRefusal';
  }
}

export interface CampaignSend {
  body: CreateCampaignBody;
  filter: SegmentFilter;
  segmentId: string | null;
  /** The prize of a drop, read from the content of now. */
  prize?: Prize;
  createdBy: string;
  now: Date;
  context: SegmentContext;
  custody?: string | undefined;
  requires?: PrizeRequirement | undefined;
  dailyCap: number;
}

/**
 * Creates a campaign and its per-member rows in one transaction: for a drop, one prize per member through
 * queueAward (its event id `campaign:<id>:<member>`); for an announcement or invitation, one notice per member and
 * a pending email where the member has an email and marketing consent. A requestId seen before creates nothing and
 * answers that campaign (`created: false`). Throws CampaignRefusal (all rolled back) for an empty segment or a drop
 * the prize cannot cover.
 */
export async function createCampaign(db: Db, send: CampaignSend): Promise<{ id: string; created: boolean }> {
  const { body, now } = send;
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const [inserted] = await tx
      .insert(campaigns)
      .values({
        id,
        requestId: body.requestId,
        kind: body.content.kind,
        segmentId: send.segmentId,
        filter: send.filter,
        content: body.content,
        size: 0,
        createdBy: send.createdBy,
        createdAt: now,
      })
      .onConflictDoNothing({ target: campaigns.requestId })
      .returning({ id: campaigns.id });
    if (!inserted) {
      const [existing] = await tx
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(eq(campaigns.requestId, body.requestId));
      if (!existing) throw new Error('Layover: campaign request conflicted but is not there');
      return { id: existing.id, created: false };
    }
    const members = matchingMembers(send.filter, send.context);
    const size =
      body.content.kind === 'drop'
        ? await addDrop(tx, id, send, members)
        : await addNotices(tx, id, body.content, members, now);
    if (size === 0)
      throw new CampaignRefusal('segmentEmpty', 'the segment matches no member: nothing was sent');
    await tx.update(campaigns).set({ size }).where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: send.createdBy,
      action: 'campaigns.send',
      target: id,
      after: {
        kind: body.content.kind,
        segmentId: send.segmentId,
        filter: send.filter,
        content: body.content,
        size,
      },
    });
    return { id, created: true };
  });
}

/** One prize per member of the segment, under the prize's lock so two drops cannot both take the last supply. */
async function addDrop(
  tx: Db,
  id: string,
  send: CampaignSend,
  members: ReturnType<typeof sql>,
): Promise<number> {
  const prize = send.prize;
  if (!prize) throw new Error('Layover: a drop campaign needs its prize');
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`layover:prize-supply:${prize.id}`}))`);
  const fit = await dropFits(tx, prize, members, send.now, send.dailyCap);
  if (fit.size === 0) return 0;
  if (!fit.fits) {
    const { size, remainingSupply, atMemberCap } = fit;
    throw new CampaignRefusal(
      'dropTooLarge',
      `the segment has ${size} members, the prize has ${remainingSupply} left, ${atMemberCap} members are at a prize cap`,
      { size, remainingSupply, atMemberCap },
    );
  }
  const result = (await tx.execute(sql`
    INSERT INTO campaign_members (campaign_id, member_id) SELECT ${id}, seg.id FROM (${members}) seg
    RETURNING member_id`)) as unknown as { rows: { member_id: string }[] };
  for (const { member_id: memberId } of result.rows) {
    const row = await queueAward(tx, {
      kind: 'prize',
      memberId,
      itemId: prize.id,
      eventId: `campaign:${id}:${memberId}`,
      source: `campaign:${id}`,
      at: send.now,
      custody: send.custody,
      requires: send.requires,
      dailyCap: send.dailyCap,
      prizes: [prize],
    });
    // A member who reached a cap between the check and here: the whole drop is refused, not partly sent.
    if (row.status === 'failed')
      throw new CampaignRefusal('dropTooLarge', `a member reached a prize cap while the drop was made`, {
        size: fit.size,
        remainingSupply: fit.remainingSupply,
        atMemberCap: 1,
      });
  }
  await tx.execute(sql`
    UPDATE campaign_members cm SET outbox_id = o.id FROM outbox o
    WHERE cm.campaign_id = ${id} AND o.event_id = 'campaign:' || cm.campaign_id || ':' || cm.member_id`);
  return result.rows.length;
}

/** One notice per member, and their email pending where they have an email credential and marketing consent. */
async function addNotices(
  tx: Db,
  id: string,
  content: Exclude<CampaignContent, { kind: 'drop' }>,
  members: ReturnType<typeof sql>,
  now: Date,
): Promise<number> {
  const result = (await tx.execute(sql`
    INSERT INTO campaign_members (campaign_id, member_id, email_status)
    SELECT ${id}, m.id, CASE WHEN m.marketing_consent_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM member_credentials c WHERE c.member_id = m.id AND c.kind = 'email') THEN 'pending' ELSE 'none' END
    FROM members m WHERE m.id IN (${members})
    RETURNING member_id`)) as unknown as { rows: { member_id: string }[] };
  if (result.rows.length === 0) return 0;
  await tx.execute(sql`
    INSERT INTO member_notices (id, member_id, campaign_id, kind, payload, created_at)
    SELECT gen_random_uuid()::text, cm.member_id, cm.campaign_id, ${content.kind}, ${JSON.stringify(content)}::jsonb, ${now.toISOString()}
    FROM campaign_members cm WHERE cm.campaign_id = ${id}`);
  return result.rows.length;
}
