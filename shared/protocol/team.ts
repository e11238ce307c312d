import { z } from 'zod';
import { StaffRoleName } from './staff-roles.ts';

/** How a team member signs in, which decides their principal: a wallet, an email, or the brand's login (OIDC). */
export const PrincipalKind = z.enum(['wallet', 'email', 'oidc']);
export type PrincipalKind = z.infer<typeof PrincipalKind>;

/**
 * Body of POST /api/console/team/grants: who (a wallet address, an email, or the brand login's `<issuer> <sub>`)
 * and which role. The server checks the value's shape for its kind (400 `invalidPrincipal`).
 */
export const TeamGrantBody = z.strictObject({
  kind: PrincipalKind,
  value: z.string().trim().min(3).max(320),
  role: StaffRoleName,
});
export type TeamGrantBody = z.input<typeof TeamGrantBody>;

/** Body of POST /api/console/team/revocations: the listed principal's id and the role to take away. */
export const TeamRevokeBody = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  role: StaffRoleName,
});
export type TeamRevokeBody = z.input<typeof TeamRevokeBody>;

/** One role a principal holds: who granted it (a display label; null when the server's settings did) and when. */
export interface TeamRoleView {
  role: StaffRoleName;
  grantedBy: string | null;
  grantedAt: string;
}

/**
 * One principal on the team page. `id` names it in a revocation without sending the email back; `label` is what
 * the page shows: the wallet address, the email masked (`a…@brand.com`), or the brand login's subject.
 */
export interface TeamMemberView {
  id: string;
  kind: PrincipalKind;
  label: string;
  roles: TeamRoleView[];
}

/** GET /api/console/team */
export interface TeamList {
  members: TeamMemberView[];
}

/** POST /api/console/team/grants: the principal as now listed; `granted` is false when it held the role already. */
export interface TeamGrantAnswer {
  granted: boolean;
  member: TeamMemberView;
}

/** Query of GET /api/console/audit: newest first, `before` an entry id for the next page, `action` a prefix. */
export const AuditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  action: z
    .string()
    .regex(/^[a-zA-Z0-9.]{1,60}$/)
    .optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** One audit line as the console shows it; `actorLabel` is the actor's display name when known. */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  actorLabel: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** GET /api/console/audit: a page of entries and the `before` to ask for the next one (null at the end). */
export interface AuditPage {
  entries: AuditEntryView[];
  next: number | null;
}
