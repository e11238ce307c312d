import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ReceivedMail } from './mime.ts';

/** How many messages the catcher keeps (oldest dropped first). */
export const CATCHER_KEEP = 50;

/** Messages over this size are refused (sign-in codes are a few KiB). */
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`: where a mailer sends. */
  url: string;
  port: number;
  /** What was received, newest first. */
  list(): ReceivedMail[];
  /** Resolves with the first message (already received or yet to come) that `match` accepts. */
  next(match: (mail: ReceivedMail) => boolean): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message (no auth, no TLS, loopback only) and keeps the last `keep` in
 * memory: the dev mailbox's store when no SMTP_URL is set, and the real mail server of the email tests.
 */
export async function startMailCatcher(
  options: { keep?: number; now?: () => number; host?: string } = {},
): Promise<MailCatcher> {
  const keep = options.keep ?? CATCHER_KEEP;
  const now = options.now ?? Date.now;
  const messages: ReceivedMail[] = [];
  const waiters = new Set<{
    match: (mail: ReceivedMail) => boolean;
    resolve: (mail: ReceivedMail) => void;
  }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          return;
        }
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), to, now());
        messages.unshift(mail);
        messages.length = Math.min(messages.length, keep);
        for (const waiter of waiters) {
          if (!waiter.match(mail)) continue;
          waiters.delete(waiter);
          waiter.resolve(mail);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    list: () => [...messages],
    next(match) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.add({ match, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
