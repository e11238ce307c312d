import { z } from 'zod';
import type { RouteName } from './routes.ts';

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

/**
 * The capability each /api/console route asks for (its server guard uses the same one). The role-matrix test walks
 * every console route in routes.ts and fails for one missing here, so a new route cannot ship unguarded.
 */
export const CONSOLE_ROUTE_CAPABILITIES: Partial<Record<RouteName, Capability>> = {
  consoleMe: 'console',
  consoleEvents: 'events',
  consoleCreateEvent: 'events',
  consoleEvent: 'events',
  consoleUpdateEvent: 'events',
  consoleCancelEvent: 'events',
  consoleLiveView: 'events',
  consoleAnalytics: 'events',
  consoleLiftBan: 'events',
  consoleContent: 'content',
  consoleSaveContent: 'content',
  consoleDeleteDraft: 'content',
  consolePreviewContent: 'content',
  consolePublishContent: 'content',
  consoleRollbackContent: 'content',
  consoleBrand: 'content',
  consolePublishBrand: 'content',
  consoleBrandImageUpload: 'content',
  consoleSegmentPreview: 'campaigns',
  consoleSegments: 'campaigns',
  consoleCreateSegment: 'campaigns',
  consoleUpdateSegment: 'campaigns',
  consoleDeleteSegment: 'campaigns',
  consoleCampaigns: 'campaigns',
  consoleCreateCampaign: 'campaigns',
  consoleProgramAnalytics: 'analytics',
  consoleProgramAnalyticsCsv: 'analytics',
  consolePointsSummary: 'analytics',
  consolePartners: 'analytics',
  consolePartnerActivities: 'analytics',
  consoleCheckinLookup: 'checkin',
  consoleCheckinUse: 'checkin',
  consoleMembers: 'support',
  consoleRebindEmail: 'support',
  consoleCreatePartner: 'support',
  consoleRotatePartner: 'support',
  consoleAdjustPoints: 'support',
  consolePassGrant: 'support',
  consolePerkPools: 'support',
  consolePerkPoolUpload: 'support',
  consoleTeam: 'team',
  consoleTeamGrant: 'team',
  consoleTeamRevoke: 'team',
  consoleAudit: 'team',
};
