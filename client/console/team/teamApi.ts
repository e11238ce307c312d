import { routes } from '../../../shared/protocol/routes.ts';
import type {
  AuditPage,
  TeamGrantAnswer,
  TeamGrantBody,
  TeamList,
  TeamRevokeBody,
} from '../../../shared/protocol/team.ts';
import { callRoute } from '../../core/http.ts';

// The team page's calls (owners), through the route table like the rest of the console (failures are ApiErrors).

/** Everyone holding a role, with who granted each and when. */
export const fetchTeam = (token: string) => callRoute<TeamList>(routes.consoleTeam, { token });
/** Grants a role to a wallet, an email or a brand login; `granted` false when it was held already. */
export const grantRole = (token: string, body: TeamGrantBody) =>
  callRoute<TeamGrantAnswer>(routes.consoleTeamGrant, { token, body });
/** Takes a role away; refused with lastOwner for the team's last owner. */
export const revokeRole = (token: string, body: TeamRevokeBody) =>
  callRoute<void>(routes.consoleTeamRevoke, { token, body });
/** One page of the audit log, newest first. */
export const fetchAudit = (token: string, query: { before?: number; action?: string }) =>
  callRoute<AuditPage>(routes.consoleAudit, {
    token,
    query: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.before ? { before: String(query.before) } : {}),
    },
  });
