import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { LiveEventSpec } from '../../shared/content/live-events.ts';
import type { ContentKind } from '../../shared/protocol/content.ts';
import type { StageSnapshot } from '../live-events/stage-snapshot.ts';
import { members } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Scheduled live events; `stage` is the latest shared stage, so a new overflow instance starts from it. */
export const liveEvents = pgTable(
  'live_events',
  {
    id: text('id').primaryKey(),
    spec: jsonb('spec').$type<LiveEventSpec>().notNull(),
    hall: text('hall').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    cancelledAt: at('cancelled_at'),
    endedAt: at('ended_at'),
    stage: jsonb('stage').$type<Partial<StageSnapshot>>().notNull().default({}),
  },
  (table) => [index('live_events_starts_idx').on(table.startsAt)],
);

/** A released drop: supply, window, and (raffles) the seed committed to when it opened. */
export const eventDrops = pgTable(
  'event_drops',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => liveEvents.id),
    dropKey: text('drop_key').notNull(),
    prizeId: text('prize_id').notNull(),
    mode: text('mode').$type<'first' | 'raffle'>().notNull(),
    supply: integer('supply').notNull(),
    claimed: integer('claimed').notNull().default(0),
    openedAt: at('opened_at').notNull(),
    closesAt: at('closes_at').notNull(),
    seed: text('seed').notNull(),
    commit: text('commit').notNull(),
    drawnAt: at('drawn_at'),
  },
  (table) => [
    unique().on(table.eventId, table.dropKey),
    check('event_drops_mode_check', sql`mode IN ('first', 'raffle')`),
    check('event_drops_supply_check', sql`supply > 0`),
    check('event_drops_claimed_check', sql`claimed <= supply`),
  ],
);

/** One claim (or raffle entry) per member per drop; `won` is null until a raffle is drawn. */
export const dropClaims = pgTable(
  'drop_claims',
  {
    dropId: bigint('drop_id', { mode: 'number' })
      .notNull()
      .references(() => eventDrops.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
    won: boolean('won'),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (table) => [primaryKey({ columns: [table.dropId, table.memberId] })],
);

/** Each stay of a member in an event hall instance; attendance and the attendance chart add these up. */
export const eventVisits = pgTable(
  'event_visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => liveEvents.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    roomId: text('room_id').notNull(),
    joinedAt: at('joined_at').notNull(),
    leftAt: at('left_at'),
  },
  (table) => [index('event_visits_event_idx').on(table.eventId, table.memberId)],
);

/** Bans: `scope_key` is `event:<id>` for one event or `brand` for all of them. */
export const eventBans = pgTable(
  'event_bans',
  {
    scopeKey: text('scope_key').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    eventId: text('event_id'),
    bannedBy: text('banned_by').notNull(),
    at: at('at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scopeKey, table.memberId] })],
);

/**
 * What a ban also covers, so a new member signing in the same way walks into it: a sha256 fingerprint of each of the
 * banned member's credentials (`email:` / `passkey:` / `oidc:` / `address:`) and, for a guest, their browser
 * (`device:`). No member id: the marks outlive the member's erasure without naming them.
 */
export const eventBanMarks = pgTable(
  'event_ban_marks',
  {
    scopeKey: text('scope_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    at: at('at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scopeKey, table.fingerprint] })],
);

export const eventReports = pgTable('event_reports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  eventId: text('event_id')
    .notNull()
    .references(() => liveEvents.id),
  reporterId: text('reporter_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  memberId: text('member_id').notNull(),
  reason: text('reason').notNull(),
  note: text('note').notNull(),
  at: at('at').notNull(),
});

/** One vote per member per poll, whichever instance they voted in. */
export const pollVotes = pgTable(
  'poll_votes',
  {
    pollId: text('poll_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    option: integer('option').notNull(),
    at: at('at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.memberId] })],
);

/** Console edits of quests, prizes and gates, validated like the content files; read at the next boot. */
export const contentDrafts = pgTable(
  'content_drafts',
  {
    kind: text('kind').$type<ContentKind>().notNull(),
    id: text('id').notNull(),
    body: jsonb('body').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.id] })],
);
