import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { codeMail } from '../../server/auth/email/code-mail.ts';
import {
  CODE_MAX_TRIES,
  CODE_TTL_MS,
  CODES_PER_EMAIL_PER_HOUR,
  CODES_PER_IP_PER_HOUR,
  judgeTry,
  maskEmail,
  mayIssue,
  newCode,
} from '../../server/auth/email/code-rules.ts';
import type { AppContext, AppLogger } from '../../server/context.ts';
import { mountEmailRoutes } from '../../server/http/email-routes.ts';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { startMail } from '../../server/mail/mailer.ts';
import { DEFAULT_MAIL_FROM, mailSettingsOf } from '../../server/mail/settings.ts';
import { routes } from '../../shared/protocol/routes.ts';

const silent: AppLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silent,
};

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('email code rules', () => {
  it('makes 6-digit codes, leading zeros kept', () => {
    const codes = Array.from({ length: 200 }, newCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('judges a try: none or used -> invalid, 5 wrong tries -> locked, 10 minutes -> expired, else by the code', () => {
    const now = Date.UTC(2026, 11, 5, 12);
    const live = { tries: 0, expiresAt: new Date(now + CODE_TTL_MS), consumedAt: null };
    expect(judgeTry(undefined, false, now)).toBe('codeInvalid');
    expect(judgeTry(live, true, now)).toBe('accept');
    expect(judgeTry(live, false, now)).toBe('codeInvalid');
    expect(judgeTry({ ...live, tries: CODE_MAX_TRIES - 1 }, true, now)).toBe('accept');
    expect(judgeTry({ ...live, tries: CODE_MAX_TRIES }, true, now)).toBe('codeLocked');
    expect(judgeTry(live, true, now + CODE_TTL_MS)).toBe('codeExpired');
    expect(judgeTry(live, true, now + CODE_TTL_MS - 1)).toBe('accept');
    expect(judgeTry({ ...live, consumedAt: new Date(now) }, true, now)).toBe('codeInvalid');
  });

  it('limits codes per address and per network per hour', () => {
    expect(mayIssue({ forEmail: CODES_PER_EMAIL_PER_HOUR - 1, forIp: 0 })).toBe(true);
    expect(mayIssue({ forEmail: CODES_PER_EMAIL_PER_HOUR, forIp: 0 })).toBe(false);
    expect(mayIssue({ forEmail: 0, forIp: CODES_PER_IP_PER_HOUR - 1 })).toBe(true);
    expect(mayIssue({ forEmail: 0, forIp: CODES_PER_IP_PER_HOUR })).toBe(false);
  });

  it('masks an address for lists', () => {
    expect(maskEmail('mei@example.com')).toBe('m•••@example.com');
    expect(maskEmail('x@y.co')).toBe('x•••@y.co');
  });

  it('writes the code email in each language with the code, the 10 minutes and "ignore it"', () => {
    const expectations = {
      en: ['10 minutes', 'ignore'],
      'zh-Hant': ['10 分鐘', '略過'],
      'zh-Hans': ['10 分钟', '忽略'],
      vi: ['10 phút', 'bỏ qua'],
    };
    for (const [locale, words] of Object.entries(expectations)) {
      const mail = codeMail('042917', locale);
      expect(mail.subject).toContain('042917');
      expect(mail.text).toContain('042917');
      expect(mail.html).toContain('042917');
      for (const word of words) expect(mail.text).toContain(word);
    }
    expect(codeMail('042917', 'fr').subject).toBe(codeMail('042917', 'en').subject);
    expect(codeMail('042917', null).subject).toBe(codeMail('042917', 'en').subject);
  });
});

describe('mail settings and the dev catcher', () => {
  it('reads SMTP_URL and MAIL_FROM, refusing a URL that is not SMTP', () => {
    expect(mailSettingsOf({}, {})).toEqual({ smtpUrl: undefined, mailFrom: DEFAULT_MAIL_FROM });
    expect(
      mailSettingsOf({}, { SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'Brand <a@b.c>' }),
    ).toEqual({
      smtpUrl: 'smtps://u:p@mail.example:465',
      mailFrom: 'Brand <a@b.c>',
    });
    expect(() => mailSettingsOf({}, { SMTP_URL: 'https://mail.example' })).toThrow(/SMTP_URL/);
    expect(mailSettingsOf({ smtpUrl: 'smtp://x:25', mailFrom: 'F <f@x.y>' }, {})).toEqual({
      smtpUrl: 'smtp://x:25',
      mailFrom: 'F <f@x.y>',
    });
  });

  it('sends through SMTP_URL to a real SMTP server, decoded in every language; no catcher of its own', async () => {
    const server: MailCatcher = await startMailCatcher();
    closers.push(server.close);
    const mail = await startMail({
      smtpUrl: server.url,
      mailFrom: 'Lounge <lounge@example.com>',
      devCatcher: true,
      logger: silent,
    });
    closers.push(mail.close);
    expect(mail.available).toBe(true);
    expect(mail.mailbox).toBeUndefined();
    for (const locale of ['en', 'zh-Hant', 'zh-Hans', 'vi']) {
      const content = codeMail('314159', locale);
      await mail.send(`${locale}@example.com`, content.subject, content.text, content.html);
      const received = await server.next((m) => m.to.includes(`${locale.toLowerCase()}@example.com`));
      expect(received).toMatchObject({
        subject: content.subject,
        text: content.text.trimEnd(),
        from: 'Lounge <lounge@example.com>',
      });
      expect(received.html).toContain('314159');
    }
  });

  it('starts the catcher without SMTP_URL on a dev chain, keeps the last 50; no mail at all otherwise', async () => {
    const dev = await startMail({
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      devCatcher: true,
      logger: silent,
    });
    closers.push(dev.close);
    expect(dev.catcherUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    for (let n = 1; n <= 52; n++)
      await dev.send('dev@example.com', `Message ${n}`, `Body ${n}`, `<p>${n}</p>`);
    const kept = dev.mailbox?.list() ?? [];
    expect(kept).toHaveLength(50);
    expect(kept[0]).toMatchObject({ subject: 'Message 52', text: 'Body 52', to: ['dev@example.com'] });
    expect(kept.at(-1)?.subject).toBe('Message 3');

    const none = await startMail({
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      devCatcher: false,
      logger: silent,
    });
    closers.push(none.close);
    expect(none.available).toBe(false);
    expect(none.mailbox).toBeUndefined();
    await expect(none.send('x@example.com', 's', 't', 'h')).rejects.toThrow(/did not take/);
  });
});

describe('a lounge without mail', () => {
  it('answers emailUnavailable to a code request and 404 to the dev mailbox (no SMTP_URL, not a dev chain)', async () => {
    const mail = await startMail({
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      devCatcher: false,
      logger: silent,
    });
    const app = express();
    app.use(express.json());
    // Both answers come before the ledger is touched: no ledger is needed here.
    mountEmailRoutes(app, { ledger: { db: undefined }, logger: silent } as unknown as AppContext, mail);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const start = await fetch(`${base}${routes.emailStart.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com' }),
    });
    expect(start.status).toBe(404);
    expect(await start.json()).toMatchObject({ error: 'emailUnavailable' });
    for (const path of [routes.devMailbox.path, routes.devMailboxMessages.path])
      expect((await fetch(`${base}${path}`)).status).toBe(404);
  });
});
