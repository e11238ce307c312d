import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Application, type Request, type Response, Router } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { EmailStartBody, EmailVerifyBody, LOCALES } from '../../shared/protocol/sign-in.ts';
import { SignInRefusal, signInWithProof } from '../auth/credential-sign-in.ts';
import { sameOrigin } from '../auth/device-sessions.ts';
import { codeMail } from '../auth/email/code-mail.ts';
import { maskEmail } from '../auth/email/code-rules.ts';
import { checkEmailCode, issueEmailCode, restoreEmailCode } from '../auth/email/code-store.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { memberCredentials, members } from '../db/schema.ts';
import { type DevMailboxMessages, devMailboxPage } from '../mail/dev-mailbox-page.ts';
import { type Mail, MailSendError } from '../mail/mailer.ts';
import { clientKey } from './client-ip.ts';
import { describeZodError, sendError } from './errors.ts';

/** The language a code email is written in: the one asked for, else the member's, else English. */
async function mailLocale(db: Db, email: string, asked: string | undefined): Promise<string> {
  if (asked) return asked;
  const [row] = await db
    .select({ locale: members.locale })
    .from(memberCredentials)
    .innerJoin(members, eq(members.id, memberCredentials.memberId))
    .where(and(eq(memberCredentials.kind, 'email'), eq(memberCredentials.subject, email)))
    .limit(1);
  return row?.locale && (LOCALES as readonly string[]).includes(row.locale) ? row.locale : 'en';
}

/** A request another site made (its Origin, or the browser's Sec-Fetch-Site, says so). */
function crossSite(ctx: AppContext, req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  return req.get('origin') !== undefined && !sameOrigin(ctx, req);
}

/**
 * Email one-time-code sign-in (start: send a code; verify: check it and sign in through signInWithProof) and, only
 * while the dev catcher runs, the dev mailbox. Addresses are never logged: what is logged is the outcome.
 */
export function mountEmailRoutes(app: Application, ctx: AppContext, mail: Mail): void {
  const router = Router();
  const { db } = ctx.ledger;

  // A failed query's error quotes its parameters (the address): these routes log only the error's name and code.
  const guarded =
    (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
        const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
        ctx.logger.error({ route: req.path, failure: { name, code: code ?? cause } }, 'email sign-in failed');
        if (!res.headersSent) sendError(res, 500, 'internal');
      }
    };

  router.post(
    routes.emailStart.path,
    guarded(async (req, res) => {
      if (!mail.available)
        return sendError(res, 404, 'emailUnavailable', 'this lounge has no mail server (SMTP_URL)');
      const body = EmailStartBody.safeParse(req.body);
      if (!body.success) return sendError(res, 400, 'invalidEmail', describeZodError(body.error));
      const { email, locale } = body.data;
      const issued = await issueEmailCode(db, email, clientKey(req), ctx.clock.now());
      if (!issued.ok) {
        ctx.logger.info({ outcome: 'tooManyCodes' }, 'email code refused by the hourly limit');
        return sendError(
          res,
          429,
          'tooManyCodes',
          'too many codes for this address or network; try in an hour',
        );
      }
      const content = codeMail(issued.code, await mailLocale(db, email, locale));
      try {
        await mail.send(email, content.subject, content.text, content.html);
      } catch (error) {
        const smtp = error instanceof MailSendError ? error.smtpCode : 'unknown';
        ctx.logger.error({ smtp }, 'email code could not be sent');
        return sendError(res, 503, 'internal', 'the code could not be sent; try again in a moment');
      }
      res.status(202).json({ sent: true });
    }),
  );

  router.post(
    routes.emailVerify.path,
    guarded(async (req, res) => {
      const body = EmailVerifyBody.safeParse(req.body);
      if (!body.success) {
        const field = body.error.issues[0]?.path[0];
        const code = field === 'code' ? 'codeInvalid' : field === 'name' ? 'invalidName' : 'invalidEmail';
        return sendError(res, 400, code, describeZodError(body.error));
      }
      const { email, code, name } = body.data;
      const checked = await checkEmailCode(db, email, code, ctx.clock.now());
      if (!checked.ok) return sendError(res, 401, checked.reason, codeDetail[checked.reason]);
      try {
        const result = await signInWithProof(
          ctx,
          req,
          res,
          { kind: 'email', subject: email, label: maskEmail(email) },
          { name },
        );
        res.json(result);
      } catch (error) {
        if (!(error instanceof SignInRefusal)) throw error;
        await restoreEmailCode(db, checked.codeId);
        sendError(res, error.status, error.code, error.message);
      }
    }),
  );

  mountDevMailbox(router, ctx, mail);
  app.use(router);
}

const codeDetail = {
  codeInvalid: 'wrong code, or no code was sent to this address; check the newest email',
  codeExpired: 'this code is older than 10 minutes; ask for a new one',
  codeLocked: 'five wrong tries locked this code; ask for a new one',
} as const;

/** The dev mailbox: only while the dev catcher runs, only to this lounge's own pages; 404 otherwise. */
function mountDevMailbox(router: Router, ctx: AppContext, mail: Mail): void {
  const { mailbox } = mail;
  const guard = (req: Request, res: Response): boolean => {
    if (!mailbox) {
      sendError(res, 404, 'notFound', 'the dev mailbox exists only on a local dev chain without SMTP_URL');
      return false;
    }
    if (crossSite(ctx, req)) {
      sendError(res, 403, 'crossSite', 'the dev mailbox answers only its own lounge');
      return false;
    }
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' });
    return true;
  };
  router.get(routes.devMailbox.path, (req, res) => {
    if (!guard(req, res)) return;
    const nonce = randomBytes(16).toString('base64');
    res.set(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors 'none'`,
    );
    res.type('html').send(devMailboxPage(nonce));
  });
  router.get(routes.devMailboxMessages.path, (req, res) => {
    if (!guard(req, res) || !mailbox) return;
    const body: DevMailboxMessages = {
      messages: mailbox
        .list()
        .map(({ to, subject, receivedAt, text }) => ({ to, subject, receivedAt, text })),
    };
    res.json(body);
  });
}
