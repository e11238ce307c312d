import type { NextFunction, Request, Response } from 'express';
import { type Capability, mayDo, type StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { currentSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { StaffRole } from '../live-events/staff.ts';
import { sendError } from './errors.ts';

/** Who is using the console (set on `res.locals.staff` by `requireHost`). */
export interface ConsoleStaff {
  memberId: string;
  name: string;
  /**
   * The staff member's wallet address, or `member:<id>` for staff without a wallet (signed in by email code,
   * passkey or the brand's login): what the console shows and what events record as their creator. Never an email.
   */
  address: string;
  /** The wallet address, if the member has one. */
  wallet: string | null;
  role: StaffRole;
  /** Every team role the member holds (issue 20's list; see shared/protocol/staff-roles.ts). */
  roles: StaffRoleName[];
}

/** Today's stored roles in issue 20's list: admin is the owner, host the event host. */
const teamRoles = (role: StaffRole): StaffRoleName[] => (role === 'admin' ? ['owner'] : ['host']);

/**
 * First on every /api/console route: 401 without a live session, 403 `forbidden` without a staff role; nothing else
 * runs. The role comes from any principal the member holds (wallet, email, brand login: see live-events/staff.ts),
 * whichever way this session signed in, except that a guest session never opens the console.
 */
export function requireHost(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction) => checkHost(ctx, req, res, next);
}

async function checkHost(ctx: AppContext, req: Request, res: Response, next: NextFunction): Promise<void> {
  const session = await currentSession(ctx, req);
  if (!session)
    return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
  const role = session.kind === 'guest' ? undefined : await ctx.members.staffRole(session.member);
  if (!role) return sendError(res, 403, 'forbidden', 'this account does not have the host role');
  const { member } = session;
  const staff: ConsoleStaff = {
    memberId: member.id,
    name: member.displayName,
    address: member.address ?? `member:${member.id}`,
    wallet: member.address,
    role,
    roles: teamRoles(role),
  };
  res.locals.staff = staff;
  next();
}

export const staffOf = (res: Response): ConsoleStaff => res.locals.staff as ConsoleStaff;

/** For routes only admins may use (re-binding a member's email): 403 `adminRequired` for a host. */
export function requireAdmin(_req: Request, res: Response, next: NextFunction): void {
  if (staffOf(res).role === 'admin') next();
  else sendError(res, 403, 'adminRequired', 'only a console admin may do this');
}

/**
 * For routes one capability guards (issue 20): runs the console's staff check when it has not run yet, then 403
 * `roleRequired` naming the capability when none of the member's roles carries it.
 */
export function requireCapability(ctx: AppContext, capability: Capability) {
  const staffCheck = requireHost(ctx);
  const check = (_req: Request, res: Response, next: NextFunction) => {
    if (mayDo(staffOf(res).roles, capability)) next();
    else sendError(res, 403, 'roleRequired', `this needs a team role with the ${capability} capability`);
  };
  return (req: Request, res: Response, next: NextFunction) =>
    res.locals.staff ? check(req, res, next) : staffCheck(req, res, () => check(req, res, next));
}
