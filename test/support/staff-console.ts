import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { launchChromium } from './browser.ts';
import { shown } from './lounge-page.ts';
import { interrupt, type StartedServer, spawnLayoverIn } from './process.ts';

/** `npm start` with one team member given a role by STAFF_EMAILS, a real SMTP server for their codes, and Chromium. */
export interface StaffConsole {
  /** A temp folder for the test's files (the server's data is in it too), removed by `stop`. */
  dir: string;
  server: StartedServer;
  browser: Browser;
  smtp: MailCatcher;
  /** A page in a fresh browser context (closed by `stop`). */
  open: (options: BrowserContextOptions) => Promise<Page>;
  /** Signs the team member in to the console with an email code and waits for `testId` (the signed-in header). */
  signIn: (page: Page, testId?: string) => Promise<void>;
  stop: () => Promise<void>;
}

export async function startStaffConsole(email: string, role: string): Promise<StaffConsole> {
  const dir = await mkdtemp(join(tmpdir(), `layover-e2e-${role}-`));
  const smtp = await startMailCatcher();
  const server = await spawnLayoverIn(dir, { SMTP_URL: smtp.url, STAFF_EMAILS: `${email}=${role}` });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    dir,
    server,
    browser,
    smtp,
    open: async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    },
    signIn: async (page, testId = 'console-me') => {
      await page.goto(`${server.url}${routes.consolePage.path}`);
      await page.getByTestId('console-email').click({ timeout: 60_000 });
      await page.getByTestId('console-email-input').fill(email);
      const mail = smtp.next((message) => message.to.includes(email));
      await page.getByTestId('console-email-send').click();
      const code = (await mail).text.match(/\b(\d{6})\b/)?.[1] ?? '';
      await page.getByTestId('console-code-input').fill(code);
      await page.getByTestId('console-code-verify').click();
      // Polled on a timer: a console page beside a busy WebGL page hardly draws frames for locator waits.
      await shown(page, testId, { timeout: 60_000 });
    },
    stop: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await interrupt(server.child);
      await smtp.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
