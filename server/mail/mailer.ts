import nodemailer from 'nodemailer';
import type { AppLogger } from '../context.ts';
import { startMailCatcher } from './catcher.ts';
import type { ReceivedMail } from './mime.ts';
import type { MailSettings } from './settings.ts';

/** What a message says, in one language. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** The process's outgoing mail, built once at boot. */
export interface Mail {
  /** False when there is no SMTP_URL and no dev catcher: email sign-in is off. */
  readonly available: boolean;
  /** Sends one message; rejects when the mail server refuses it (the error never carries the address). */
  send(to: string, subject: string, text: string, html: string): Promise<void>;
  /** The dev catcher's messages, newest first; only when it runs (no SMTP_URL, local dev chain). */
  readonly mailbox: { list(): ReceivedMail[] } | undefined;
  /** Where the dev catcher listens, when it runs. */
  readonly catcherUrl: string | undefined;
  close(): Promise<void>;
}

export interface MailDeps extends MailSettings {
  /** The chain is a local one this process started: without SMTP_URL an embedded catcher takes the mail. */
  devCatcher: boolean;
  logger: AppLogger;
  now?: () => number;
}

/** Why sending failed, without the message or the address (SMTP replies often quote the recipient). */
export class MailSendError extends Error {
  constructor(readonly smtpCode: string | undefined) {
    super(`Layover: the mail server did not take the message${smtpCode ? ` (${smtpCode})` : ''}`);
    this.name = 'MailSendError';
  }
}

/**
 * Starts the mailer: nodemailer on SMTP_URL, or on the embedded catcher (127.0.0.1, a free port, the last 50
 * messages in memory) when SMTP_URL is unset on a local dev chain; with neither, `available` is false.
 */
export async function startMail(deps: MailDeps): Promise<Mail> {
  const catcher =
    !deps.smtpUrl && deps.devCatcher ? await startMailCatcher(deps.now ? { now: deps.now } : {}) : undefined;
  const target = deps.smtpUrl ?? catcher?.url;
  const transport = target
    ? nodemailer.createTransport(
        catcher ? { host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true } : target,
      )
    : undefined;
  if (catcher) deps.logger.info({ smtp: catcher.url }, 'mail: no SMTP_URL, dev mail catcher listening');
  return {
    available: transport !== undefined,
    async send(to, subject, text, html) {
      if (!transport) throw new MailSendError('no SMTP_URL');
      try {
        await transport.sendMail({
          from: deps.mailFrom,
          to,
          subject,
          text,
          html,
          textEncoding: 'quoted-printable',
        });
      } catch (error) {
        const code = (error as { code?: unknown; responseCode?: unknown }) ?? {};
        throw new MailSendError([code.code, code.responseCode].filter(Boolean).join(' ') || undefined);
      }
    },
    mailbox: catcher ? { list: () => catcher.list() } : undefined,
    catcherUrl: catcher?.url,
    async close() {
      transport?.close();
      await catcher?.close();
    },
  };
}
