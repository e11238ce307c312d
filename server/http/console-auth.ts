import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Capability, mayDo, type StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { currentSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
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
  /** Every team role the member holds (issue 20's list; see shared/protocol/staff-roles.ts), never empty. */
  roles: StaffRoleName[];
}

/**
 * First on every /api/console route: 401 without a live session, 403 `forbidden` without any team role; nothing else
 * runs. The roles come from any principal the member holds (wallet, email, brand login: see live-events/staff.ts),
 * whichever way this session signed in, except that a guest session never opens the console.
 */
export function requireHost(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction) => checkHost(ctx, req, res, next);
}

async function checkHost(ctx: AppContext, req: Request, res: Response, next: NextFunction): Promise<void> {
  const session = await currentSession(ctx, req);
  if (!session)
    return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
  const roles = session.kind === 'guest' ? [] : await ctx.members.teamRoles(session.member);
  if (roles.length === 0) return sendError(res, 403, 'forbidden', 'this account holds no team role');
  const { member } = session;
  const staff: ConsoleStaff = {
    memberId: member.id,
    name: member.displayName,
    address: member.address ?? `member:${member.id}`,
    wallet: member.address,
    roles,
  };
  res.locals.staff = staff;
  next();
}

export const staffOf = (res: Response): ConsoleStaff => res.locals.staff as ConsoleStaff;

/**
 * For routes one capability guards (issue 20): runs the console's staff check when it has not run yet, then 403
 * `roleRequired` naming the capability when none of the member's roles carries it.
 */
export function requireCapability(ctx: AppContext, capability: Capability): RequestHandler {
  const staffCheck = requireHost(ctx);
  const check = (_req: Request, res: Response, next: NextFunction) => {
    if (mayDo(staffOf(res).roles, capability)) next();
    else sendError(res, 403, 'roleRequired', `this needs a team role with the ${capability} capability`);
  };
  return (req: Request, res: Response, next: NextFunction) =>
    res.locals.staff ? check(req, res, next) : staffCheck(req, res, () => check(req, res, next));
}
