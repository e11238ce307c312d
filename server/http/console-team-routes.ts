import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import {
  AuditQuery,
  type TeamGrantAnswer,
  TeamGrantBody,
  type TeamList,
  TeamRevokeBody,
} from '../../shared/protocol/team.ts';
import type { AppContext } from '../context.ts';
import { auditPage } from '../team/audit-list.ts';
import { principalFor } from '../team/principals.ts';
import { grantTeamRole, listTeam, revokeTeamRole } from '../team/team-roles.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * The team page's API (issue 20), owners only: who holds which role, grants, revocations (never the last owner) and
 * the audit log. Mounted ahead of the console's /api/console 404.
 */
export function mountConsoleTeamRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const owner = requireCapability(ctx, 'team');

  app.get(routes.consoleTeam.path, owner, async (_req, res) => {
    const body: TeamList = { members: await listTeam(db()) };
    res.set('cache-control', 'no-store').json(body);
  });

  app.post(routes.consoleTeamGrant.path, owner, async (req, res) => {
    const body = TeamGrantBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidPrincipal', describeZodError(body.error));
    const principal = principalFor(body.data.kind, body.data.value);
    if (!principal) return sendError(res, 400, 'invalidPrincipal', `not a ${body.data.kind} principal`);
    const granted = await grantTeamRole(db(), staffOf(res).address, principal, body.data.role);
    const [member] = await listTeam(db(), principal);
    if (!member) throw new Error('team: a granted principal is missing from the list');
    const answer: TeamGrantAnswer = { granted, member };
    res.status(granted ? 201 : 200).json(answer);
  });

  app.post(routes.consoleTeamRevoke.path, owner, async (req, res) => {
    const body = TeamRevokeBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'roleNotHeld', describeZodError(body.error));
    const refused = await revokeTeamRole(ctx, staffOf(res).address, body.data.id, body.data.role);
    if (refused === 'roleNotHeld') return sendError(res, 404, 'roleNotHeld');
    if (refused === 'lastOwner') return sendError(res, 409, 'lastOwner', 'the team must keep one owner');
    res.status(204).end();
  });

  app.get(routes.consoleAudit.path, owner, async (req, res) => {
    const query = AuditQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'invalidQuery', describeZodError(query.error));
    res.set('cache-control', 'no-store').json(await auditPage(db(), query.data));
  });
}
