import type { Application, Request, Response } from 'express';
import { z } from 'zod';
import { routes } from '../../shared/protocol/routes.ts';
import {
  ConsentBody,
  type CredentialsResponse,
  type DevicesResponse,
  LocaleBody,
} from '../../shared/protocol/sign-in.ts';
import { clearRefreshCookie, revokeDevice, revokeMemberDevices } from '../auth/device-sessions.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import {
  myCredentials,
  myDevices,
  ownsLiveDevice,
  removeCredential,
  setMarketingConsent,
  setMemberLocale,
} from '../members/credentials.ts';
import { announceRoleChanged, announceSessionsEnded } from '../members/member-channel.ts';
import { describeZodError, sendError } from './errors.ts';

/** The `:id` of a device or credential: ids are short random strings; anything else cannot name a row. */
const RowId = z.strictObject({ id: z.string().min(1).max(100) });

/**
 * The signed-in member's own account, all behind the access token: "Your devices" (list, sign one out, sign out
 * everywhere), the ways they sign in (list, remove one but never the last), marketing consent and the language of
 * their emails. A device or credential of another member is answered 404 exactly like one that never existed, so
 * ids cannot be probed.
 */
export function mountAccountRoutes(app: Application, ctx: AppContext): void {
  const db = ctx.ledger.db;
  const now = () => new Date(ctx.clock.now());
  const rowId = (req: Request) => {
    const params = RowId.safeParse(req.params);
    return params.success ? params.data.id : undefined;
  };

  // Personal answers are never cached by the browser or a proxy in between.
  const personal = (res: Response) => res.set('cache-control', 'no-store');

  // The member's live browsers; `current` marks the one this request's access token belongs to.
  app.get(routes.myDevices.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const devices = await myDevices(db, session.member.id, session.deviceId, now());
    const body: DevicesResponse = { devices };
    personal(res).json(body);
  });

  // Signs one of the member's browsers out: its refresh cookie stops working and its access tokens end at once.
  app.delete(routes.signOutDevice.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const id = rowId(req);
    if (!id || !(await ownsLiveDevice(db, session.member.id, id, now())))
      return sendError(res, 404, 'deviceNotFound', 'no signed-in browser of yours has this id');
    await revokeDevice(db, id, 'removedByMember', now(), session.member.id);
    // That browser's open room connections end now, not at its next join.
    announceSessionsEnded(ctx, session.member.id);
    if (id === session.deviceId) clearRefreshCookie(ctx, res);
    res.status(204).end();
  });

  // Signs the member out everywhere, this browser included.
  app.delete(routes.signOutAllDevices.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    await revokeMemberDevices(db, session.member.id, 'removedByMember', now());
    announceSessionsEnded(ctx, session.member.id);
    clearRefreshCookie(ctx, res);
    res.status(204).end();
  });

  // The ways the member signs in (emails masked), their wallet and their marketing consent.
  app.get(routes.myCredentials.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body: CredentialsResponse = await myCredentials(db, session.member.id);
    personal(res).json(body);
  });

  // Removes an email, passkey or brand login; the last way to sign in (a wallet counts) is refused.
  app.delete(routes.removeCredential.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const id = rowId(req);
    const outcome = id ? await removeCredential(db, session.member.id, id, now()) : 'notFound';
    if (outcome === 'notFound')
      return sendError(res, 404, 'credentialNotFound', 'no sign-in method of yours has this id');
    if (outcome === 'lastCredential')
      return sendError(res, 409, 'lastCredential', 'this is your only way to sign in: add another one first');
    // The removed email may have been what gave this member a staff role: halls re-check a host at once.
    announceRoleChanged(ctx, session.member.id);
    res.status(204).end();
  });

  // Whether the brand may email the member (marketing only), with the time it was given.
  app.put(routes.setConsent.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body = ConsentBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidConsent', describeZodError(body.error));
    const consent = await setMarketingConsent(db, session.member.id, body.data.marketing, now());
    personal(res).json(consent);
  });

  // The language the member's emails come in.
  app.put(routes.setLocale.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body = LocaleBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidLocale', describeZodError(body.error));
    await setMemberLocale(db, session.member.id, body.data.locale);
    res.status(204).end();
  });
}
