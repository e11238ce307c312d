import type { Application, Response } from 'express';
import { encodeLook } from '../../shared/avatar-look.ts';
import { type LookIssue, type LookResponse, PutLookBody } from '../../shared/protocol/avatar.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { announceLook, checkWear, heldWearables, storedLook, storeLook } from '../members/avatar-look.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * The member's avatar look (issue 21), behind the access token, guests included: GET answers the stored look and the
 * wearables held; PUT stores a new look (its `wear` must be a wearable prize the member holds) and every room seating
 * the member shows it at once.
 */
export function mountAvatarRoutes(app: Application, ctx: AppContext): void {
  const db = ctx.ledger.db;
  // Ten changes at once, then one every two seconds: each one is sent to every room the member is in.
  const limiter = new KeyedRateLimiter(10, 0.5);
  const personal = (res: Response) => res.set('cache-control', 'no-store');

  app.get(routes.myLook.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const look = await storedLook(db, session.member.id);
    const body: LookResponse = {
      look,
      encoded: look ? encodeLook(look) : '',
      wearables: await heldWearables(ctx, session.member),
    };
    personal(res).json(body);
  });

  app.put(routes.setLook.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const memberId = session.member.id;
    if (!limiter.take(memberId, ctx.clock.now()))
      return sendError(res, 429, 'rateLimited', 'too many look changes; wait a few seconds');
    const parsed = PutLookBody.safeParse(req.body);
    if (!parsed.success) {
      const issues: LookIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'body',
        message: issue.message,
      }));
      return res.status(400).json({ error: 'invalidLook', detail: describeZodError(parsed.error), issues });
    }
    const look = parsed.data;
    const wearables = await heldWearables(ctx, session.member);
    const wear = checkWear(look.wear, ctx.content.current().bundle.prizes, wearables);
    if (wear === 'notWearable')
      return sendError(
        res,
        400,
        'notWearable',
        `prize "${look.wear}" cannot be worn (no such wearable prize)`,
      );
    if (wear === 'wearableNotHeld')
      return sendError(
        res,
        409,
        'wearableNotHeld',
        `you do not hold "${look.wear}"; win it first, then wear it`,
      );
    await storeLook(db, memberId, look);
    const encoded = encodeLook(look);
    announceLook(ctx, memberId, encoded);
    const body: LookResponse = { look, encoded, wearables };
    personal(res).json(body);
  });
}
