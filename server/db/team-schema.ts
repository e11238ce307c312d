import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';

/**
 * The brand team's roles (issue 20): one row per principal and role held. A principal is a wallet address (lower
 * case), `email:<email>` or `oidc:<issuer> <sub>` (see live-events/staff.ts). `granted_by` is the granting member
 * (`member:<id>` or a wallet), or null for roles set by configuration (HOST_ADDRESSES, STAFF_EMAILS) or the migration.
 */
export const teamRoles = pgTable(
  'team_roles',
  {
    principal: text('principal').notNull(),
    role: text('role').$type<StaffRoleName>().notNull(),
    grantedBy: text('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.principal, table.role] }),
    check('team_roles_role_check', sql`role IN ('owner', 'content', 'host', 'analyst', 'checkin')`),
  ],
);

/**
 * Every change the team makes through the console: who (`member:<id>` or a wallet), when, what (`team.grant`,
 * `content.publish`, ...), to what, and the state before and after. Rows are only ever inserted.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
  },
  (table) => [index('audit_log_action_idx').on(table.action, table.id)],
);
