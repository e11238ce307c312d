import { z } from 'zod';

/**
 * The brand team's roles (issue 20). A team member may hold several; `owner` may do everything. The old `admin`
 * role became `owner` and the old `host` became `host` (event host).
 */
export const STAFF_ROLES = ['owner', 'content', 'host', 'analyst', 'checkin'] as const;
export const StaffRoleName = z.enum(STAFF_ROLES);
export type StaffRoleName = z.infer<typeof StaffRoleName>;

/** What a console route or a room asks for; each capability lists the roles that carry it (owner carries all). */
export const CAPABILITIES = {
  /** Open the console at all: every role. */
  console: ['content', 'host', 'analyst', 'checkin'],
  /** Create, edit, cancel and run live events; host a hall. */
  events: ['host'],
  /** Edit, preview, publish and roll back content (quests, stamps, prizes, gates, status, trivia) and the brand kit. */
  content: ['content'],
  /** Define segments and send drops, announcements and invitations to them. */
  campaigns: ['content'],
  /** Program analytics and CSV exports. */
  analytics: ['analyst'],
  /** Look up and mark perk codes used at a counter. */
  checkin: ['checkin', 'host'],
  /** Member support (re-bind an email, lift bans), points adjustments, partners, pass grants, perk pools. */
  support: [],
  /** The team itself (grant and revoke roles) and the audit log. */
  team: [],
} as const satisfies Record<string, readonly StaffRoleName[]>;
export type Capability = keyof typeof CAPABILITIES;

/** Whether someone holding `roles` may do what `capability` guards. */
export function mayDo(roles: readonly StaffRoleName[], capability: Capability): boolean {
  if (roles.includes('owner')) return true;
  const allowed: readonly StaffRoleName[] = CAPABILITIES[capability];
  return roles.some((role) => allowed.includes(role));
}
