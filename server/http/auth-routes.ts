import { type Application, type Request, type Response, Router } from 'express';
import {
  EraseMeBody,
  type EraseMeResponse,
  GuestSignInBody,
  type SessionResponse,
  TestWalletBody,
  type TestWalletResponse,
} from '../../shared/protocol/http.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { MergeBody } from '../../shared/protocol/sign-in.ts';
import { credentialAdded, takeMergeTicket } from '../auth/credential-sign-in.ts';
import {
  clearRefreshCookie,
  endDeviceOfCookie,
  refreshCredentialOf,
  refreshDeviceSession,
  revokeDevice,
  sameOrigin,
  startDeviceSession,
} from '../auth/device-sessions.ts';
import { hasLastingIdentity } from '../auth/identity.ts';
import { bearerToken, requireSession, revokeSession } from '../auth/sessions.ts';
import { ANVIL_ACCOUNTS } from '../chain/anvil.ts';
import { mintDevPass, PassTier } from '../chain/dev-pass.ts';
import { createFundedTestWallet } from '../chain/test-wallet.ts';
import type { AppContext } from '../context.ts';
import { createMember, linkMemberAddress } from '../db/members.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { grantStaffRole } from '../live-events/staff.ts';
import { eraseMember } from '../members/erase.ts';
import { announceSessionsEnded } from '../members/member-channel.ts';
import { MergeRefusal, mergeMember } from '../members/merge.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { announceQuests } from '../quests/announce.ts';
import { exportQuestRecord, loadQuestsSnapshot } from '../quests/passport.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';
import { fromOwnPages } from './same-origin.ts';

/** Sign-in routes: guest sessions, the dev-chain test wallet, and who a token belongs to. */
export function mountAuthRoutes(
  app: Application,
  ctx: AppContext,
  options: { testWalletRpcUrl: string | undefined },
): void {
  const router = Router();
  const { ledger } = ctx;
  // Thirty sign-ins at once per address (a venue behind one NAT), then one a second.
  const signInLimiter = new KeyedRateLimiter(30, 1);
  const limited = (req: Request, res: Response): boolean => {
    if (signInLimiter.take(clientKey(req), Date.now())) return false;
    sendError(res, 429, 'rateLimited', 'too many sign-ins from this address; wait a few seconds');
    return true;
  };

  router.post(routes.guestSignIn.path, async (req, res) => {
    if (limited(req, res)) return;
    const body = GuestSignInBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidName', describeZodError(body.error));
    const member = await createMember(ledger.db, { displayName: body.data.name });
    const response: SessionResponse = await startDeviceSession(ctx, req, res, member.id, 'guest');
    res.json(response);
  });

  router.post(routes.testWallet.path, async (req, res) => {
    const rpcUrl = options.testWalletRpcUrl;
    if (!rpcUrl)
      return sendError(res, 404, 'testWalletUnavailable', 'the test wallet exists on a local dev chain only');
    // Its answer holds a private key (and, with `host`, a host's token): for the lounge's own pages only.
    if (!fromOwnPages(req, ctx.config))
      return sendError(res, 403, 'crossSite', "the test wallet is only handed to the lounge's own pages");
    if (limited(req, res)) return;
    const body = TestWalletBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidName', describeZodError(body.error));
    const wallet = await createFundedTestWallet(rpcUrl);
    const passTokenId = await mintDevPass({
      rpcUrl,
      pass: ctx.chain.contracts.LoungePass as `0x${string}`,
      minterKey: ANVIL_ACCOUNTS.faucet.privateKey,
      to: wallet.address,
      tier: PassTier.gold,
    });
    const guest = body.data.linkToken ? await ctx.members.resolveSession(body.data.linkToken) : undefined;
    const linked =
      guest?.kind === 'guest'
        ? await linkMemberAddress(ledger.db, guest.member.id, wallet.address)
        : undefined;
    const member =
      linked ?? (await createMember(ledger.db, { displayName: body.data.name, address: wallet.address }));
    if (linked) {
      void announceQuests(ctx, member.id);
      await credentialAdded(ctx, member.id);
      if (guest?.deviceId) await revokeDevice(ledger.db, guest.deviceId, 'upgraded');
    }
    if (body.data.host) await grantStaffRole(ledger.db, wallet.address, 'host');
    const signedIn = await startDeviceSession(ctx, req, res, member.id, 'testWallet', { linked: !!linked });
    const response: TestWalletResponse = {
      ...signedIn,
      privateKey: wallet.privateKey,
      address: wallet.address,
      passTokenId: passTokenId.toString(),
    };
    res.json(response);
  });

  // Signs this browser out: its access tokens and refresh cookie stop working at once (room joins included).
  router.post(routes.logout.path, async (req, res) => {
    const token = bearerToken(req.get('authorization'));
    const session = token ? await ctx.members.resolveSession(token) : undefined;
    if (!token || !session) {
      // An expired access token: the browser's own refresh cookie (same origin only) still signs it out.
      const memberId = sameOrigin(ctx, req) ? await endDeviceOfCookie(ctx, req) : undefined;
      if (!memberId)
        return sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
      clearRefreshCookie(ctx, res);
      announceSessionsEnded(ctx, memberId);
      return res.status(204).end();
    }
    await revokeSession(ledger.db, token);
    if (session.deviceId) await revokeDevice(ledger.db, session.deviceId, 'signedOut');
    // The browser's refresh cookie ends too when it is this member's, even if the token came from an older one.
    const cookie = refreshCredentialOf(req);
    if (cookie && cookie.deviceId !== session.deviceId)
      await revokeDevice(ledger.db, cookie.deviceId, 'signedOut', new Date(), session.member.id);
    clearRefreshCookie(ctx, res);
    // Other tabs of this browser share its session: their room connections end too.
    announceSessionsEnded(ctx, session.member.id);
    res.status(204).end();
  });

  // The refresh cookie (HttpOnly, this path only) for a new access token; the cookie rotates at every use.
  router.post(routes.refresh.path, async (req, res) => {
    res.set('cache-control', 'no-store');
    if (!sameOrigin(ctx, req))
      return sendError(res, 403, 'crossSite', 'refresh only from the lounge itself (Origin must match)');
    const outcome = await refreshDeviceSession(ctx, req, res);
    if (!outcome.ok) return sendError(res, 401, outcome.code, outcome.detail);
    res.json(outcome.result);
  });

  // "Continue as that member": the guest behind the token accepts a merge offer; their progress moves over.
  router.post(routes.merge.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body = MergeBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'mergeExpired', describeZodError(body.error));
    const guestId = session.member.id;
    if (await hasLastingIdentity(ledger.db, guestId))
      return sendError(res, 409, 'credentialInUse', 'only a guest can be merged into another member');
    const ticket = await takeMergeTicket(ctx, body.data.ticket, guestId);
    if (!ticket) return sendError(res, 410, 'mergeExpired', 'the offer expired or was used; sign in again');
    let summary: Awaited<ReturnType<typeof mergeMember>>;
    try {
      summary = await mergeMember(ledger.db, guestId, ticket.targetId, {
        now: new Date(ctx.clock.now()),
        requires: prizeRequirement(ctx.config),
        custody: ctx.custodyAddress,
        content: ctx.content.current().questContent,
        prizes: ctx.content.current().bundle.prizes,
      });
    } catch (error) {
      if (error instanceof MergeRefusal) return sendError(res, 410, 'mergeExpired', error.message);
      throw error;
    }
    // Rewards now queued to the member's wallet, if they have one.
    ctx.oracle?.wake();
    ctx.logger.info({ guestId, memberId: ticket.targetId, ...summary }, 'a guest was merged into a member');
    void announceQuests(ctx, ticket.targetId);
    await credentialAdded(ctx, ticket.targetId);
    const result = await startDeviceSession(ctx, req, res, ticket.targetId, ticket.kind);
    res.json(result);
  });

  const liveSession = async (req: Request, res: Response) => {
    const token = bearerToken(req.get('authorization'));
    const session = token ? await ctx.members.resolveSession(token) : undefined;
    if (!session) sendError(res, 401, 'unauthorized', 'send Authorization: Bearer <token> of a live session');
    return session;
  };

  // Who the token belongs to, with their journeys, passport, points and status.
  router.get(routes.me.path, async (req, res) => {
    const session = await liveSession(req, res);
    if (!session) return;
    const { member } = session;
    const snapshot = await loadQuestsSnapshot(
      ledger.db,
      member.id,
      Date.now(),
      ctx.content.current().questContent,
    );
    res.json({
      member: { id: member.id, name: member.displayName, address: member.address },
      kind: session.kind,
      ...snapshot,
    });
  });

  // Erases the member's personal data (off-chain; the chain only ever held addresses and ids) and ends every session.
  router.delete(routes.eraseMe.path, async (req, res) => {
    const session = await liveSession(req, res);
    if (!session) return;
    const body = EraseMeBody.safeParse(req.body);
    if (!body.success)
      return sendError(res, 400, 'confirmErase', 'send {"confirm":"erase my data"} to erase your data');
    // With the context, erasure also walks the member out of every room and scrubs every open hall.
    const result = await eraseMember(ledger.db, session.member.id, ctx);
    clearRefreshCookie(ctx, res);
    const response: EraseMeResponse = { erased: true, ...result };
    res.json(response);
  });

  // The member's full record (their data, off-chain) as a JSON download.
  router.get(routes.exportMe.path, async (req, res) => {
    const session = await liveSession(req, res);
    if (!session) return;
    const { member } = session;
    const record = await exportQuestRecord(ledger.db, member.id);
    res.attachment(`layover-${member.id}.json`);
    res.json({ member, ...record });
  });

  app.use(router);
}
