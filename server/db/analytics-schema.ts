import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './schema.ts';

/**
 * The UTC days a member was active (joined a lounge or hall room), one row per member per day: what daily active
 * members, WAU and retention cohorts count. Written once per member and day, off the room tick.
 */
export const memberDays = pgTable(
  'member_days',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** UTC day, YYYY-MM-DD. */
    day: date('day', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.memberId, table.day] }),
    index('member_days_day_idx').on(table.day),
  ],
);

/**
 * Program analytics rolled up per UTC day (server/analytics): `metric` names the figure, `key` what it is about (a
 * sign-in kind, a stamp, a prize, a game, an event, a quest step, a cohort week). Period queries read these rows.
 */
export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    key: text('key').notNull().default(''),
    value: integer('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.metric, table.day, table.key] })],
);

/** The rollups' watermark: the last UTC day a refresh computed (days before it are kept as they were) and when. */
export const analyticsRefresh = pgTable('analytics_refresh', {
  id: text('id').primaryKey(),
  throughDay: date('through_day', { mode: 'string' }).notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
});
