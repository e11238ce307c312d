import type { NextFunction, Request, Response } from 'express';
import { bearerToken, resolveSession } from '../auth/sessions.ts';
import { type StaffRole, staffRoleOf } from '../events/staff.ts';
import { services } from '../services.ts';
import { sendError } from './errors.ts';

/** Who is using the console (set on `res.locals.staff` by `requireHost`). */
export interface ConsoleStaff {
  memberId: string;
  address: string;
  role: StaffRole;
}

/** First on every /api/console route: 401 without a live session, 403 without the host role; nothing else runs. */
export async function requireHost(req: Request, res: Response, next: NextFunction): Promise<void> {
  const token = bearerToken(req.get('authorization'));
  const { db } = services().ledger;
  const session = token ? await resolveSession(db, token) : undefined;
  if (!session)
    return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
  const address = session.kind === 'guest' ? null : session.member.address;
  const role = await staffRoleOf(db, address);
  if (!role || !address) return sendError(res, 403, 'forbidden', 'this wallet does not have the host role');
  const staff: ConsoleStaff = { memberId: session.member.id, address, role };
  res.locals.staff = staff;
  next();
}

export const staffOf = (res: Response): ConsoleStaff => res.locals.staff as ConsoleStaff;
