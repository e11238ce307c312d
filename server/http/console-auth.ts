import type { NextFunction, Request, Response } from 'express';
import { bearerToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { StaffRole } from '../live-events/staff.ts';
import { sendError } from './errors.ts';

/** Who is using the console (set on `res.locals.staff` by `requireHost`). */
export interface ConsoleStaff {
  memberId: string;
  address: string;
  role: StaffRole;
}

/** First on every /api/console route: 401 without a live session, 403 without the host role; nothing else runs. */
export function requireHost(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction) => checkHost(ctx, req, res, next);
}

async function checkHost(ctx: AppContext, req: Request, res: Response, next: NextFunction): Promise<void> {
  const token = bearerToken(req.get('authorization'));
  const session = token ? await ctx.members.resolveSession(token) : undefined;
  if (!session)
    return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
  const address = session.kind === 'guest' ? null : session.member.address;
  const role = await ctx.members.staffRole(address);
  if (!role || !address) return sendError(res, 403, 'forbidden', 'this wallet does not have the host role');
  const staff: ConsoleStaff = { memberId: session.member.id, address, role };
  res.locals.staff = staff;
  next();
}

export const staffOf = (res: Response): ConsoleStaff => res.locals.staff as ConsoleStaff;
