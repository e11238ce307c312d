import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CampaignContent, CampaignKind, SegmentFilter } from '../../shared/protocol/segments.ts';
import { members } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A segment the brand saved by name: a typed filter, evaluated in SQL whenever it is used. */
export const segments = pgTable('segments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<SegmentFilter>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One send to a segment; `request_id` (the client's id for the send) makes a replay create nothing. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    kind: text('kind').$type<CampaignKind>().notNull(),
    segmentId: text('segment_id'),
    /** The filter as it was when sent (a saved segment may change later). */
    filter: jsonb('filter').$type<SegmentFilter>().notNull(),
    content: jsonb('content').$type<CampaignContent>().notNull(),
    size: integer('size').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('campaigns_request_idx').on(table.requestId),
    index('campaigns_created_idx').on(table.createdAt),
    check('campaigns_kind_check', sql`kind IN ('drop', 'announcement', 'invitation')`),
  ],
);

/** Where one member's mail of a campaign stands: none (no email or no consent), pending, sending, sent, failed. */
export type CampaignEmailStatus = 'none' | 'pending' | 'sending' | 'sent' | 'failed';

/** Each member a campaign reached, once (the key): their prize's outbox row, or their notice and its mail. */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    emailStatus: text('email_status').$type<CampaignEmailStatus>().notNull().default('none'),
    emailClaimedAt: at('email_claimed_at'),
    emailedAt: at('emailed_at'),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.memberId] }),
    index('campaign_members_email_idx').on(table.emailStatus),
  ],
);

/** A notice a member sees at their next visit (announcement or invitation), until they mark it seen. */
export const memberNotices = pgTable(
  'member_notices',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'announcement' | 'invitation'>().notNull(),
    payload: jsonb('payload').$type<CampaignContent>().notNull(),
    createdAt: at('created_at').notNull(),
    seenAt: at('seen_at'),
  },
  (table) => [
    uniqueIndex('member_notices_campaign_member_idx').on(table.campaignId, table.memberId),
    index('member_notices_member_idx').on(table.memberId, table.seenAt),
  ],
);
