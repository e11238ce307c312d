import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quests } from '../../shared/content/quests.ts';
import type { ConsoleContent, ContentPublished } from '../../shared/protocol/content.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { axeViolations } from '../support/axe.ts';
import { enterAsGuest, shown } from '../support/lounge-page.ts';
import { type StaffConsole, startStaffConsole } from '../support/staff-console.ts';

/**
 * Published content end to end in Chromium: a content editor (STAFF_EMAILS, email code) starts a new quest in the
 * console, previews and publishes it; a member already in the lounge sees it in the open Journal without a reload or
 * a restart. A publish over a version someone else replaced meanwhile shows the conflict message and Reload; a
 * rollback (one click and a confirm) brings the older title back to the member. axe checks the content page;
 * screenshots go to /tmp/content-publish-*.png.
 */

const EDITOR = 'content.editor@brand.example';
const NEW_QUEST = 'night-owl';
const TITLE = 'Night Owl Journey';
const _WAIT = { timeout: 60_000 } as const;

let staff: StaffConsole | undefined;

beforeAll(async () => {
  staff = await startStaffConsole(EDITOR, 'content');
}, 300_000);

afterAll(async () => {
  await staff?.stop();
});

const signIn = (page: Page) => staff!.signIn(page);

/** Another operator's hand, through the same API with the editor's token: a draft and a publish. */
async function api<T>(token: string, route: { method: string; path: string }, path: string, body: unknown) {
  const response = await fetch(`${staff!.server.url}${path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `${route.method} ${path}`).toBe(200);
  return (await response.json()) as T;
}

describe('published content', () => {
  it('a quest published in the console appears in a member Journal without a restart', {
    timeout: 300_000,
  }, async () => {
    const url = staff!.server.url;
    const member = await staff!.open({ viewport: { width: 1280, height: 800 } });
    await enterAsGuest(member, url, 'Linh');
    await member.getByTestId('open-journal').click();
    await shown(member, `journey-${quests[0]?.id}`);
    expect(await member.getByTestId(`journey-${NEW_QUEST}`).count()).toBe(0);

    const console = await staff!.open({ viewport: { width: 1280, height: 900 } });
    await signIn(console);
    await console.getByTestId('console-nav-content').click();
    await shown(console, 'console-content-version', { text: 'version 1' });
    await shown(console, 'console-content-editor');

    // A new quest starts as a copy of the first; the operator names it and saves a draft.
    await console.locator('.content-new summary').click();
    await console.getByTestId('console-content-new-id').fill('Night Owl');
    await console.getByTestId('console-content-new').click();
    await shown(console, 'console-content-new-hint', { text: 'Use lowercase letters' });
    await console.getByTestId('console-content-new-id').fill(NEW_QUEST);
    await console.getByTestId('console-content-new').click();
    await shown(console, 'console-content-item', { text: NEW_QUEST });
    await console.getByTestId('console-content-field-title-en').fill(TITLE);
    await console.getByTestId('console-content-save').click();
    await shown(console, 'console-content-saved', { text: `Saved “${NEW_QUEST}” as a draft` });
    await shown(console, 'console-content-draft-count', { text: '1 draft waiting' });

    await console.getByTestId('console-content-preview').click();
    await shown(console, 'console-content-outcome', { text: 'the drafts are valid' });
    expect(await axeViolations(console)).toEqual([]);
    await console.screenshot({ path: '/tmp/content-publish-console.png', fullPage: true });

    await console.getByTestId('console-content-note').fill('Night owl journey for late flights');
    await console.getByTestId('console-content-publish-button').click();
    await shown(console, 'console-content-outcome', { text: 'Published version 2' });
    await shown(console, 'console-content-version', { text: 'version 2' });

    // The member's open Journal shows it: the room's contentChanged notice, then GET /api/content.
    await shown(member, `journey-${NEW_QUEST}`, { text: TITLE });
    await member.screenshot({ path: '/tmp/content-publish-member.png' });

    // The operator edits the title again, but someone publishes first (and saves another draft meanwhile).
    await console.getByTestId('console-content-kind').selectOption('quest');
    await console.getByTestId('console-content-item').selectOption(NEW_QUEST);
    await console.getByTestId('console-content-field-title-en').fill('Night Owl, edited');
    await console.getByTestId('console-content-save').click();
    await shown(console, 'console-content-draft-count', { text: '1 draft waiting' });
    const token = await console.evaluate(() => sessionStorage.getItem('layover.console.token'));
    expect(token).toBeTruthy();
    const published = await api<ContentPublished>(
      token!,
      routes.consolePublishContent,
      routes.consolePublishContent.path,
      { baseVersion: 2, note: 'from elsewhere' },
    );
    expect(published.version).toBe(3);
    const current = await (
      await fetch(`${url}${routes.consoleContent.path}`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    const stamp = (current as ConsoleContent).bundle.stamps[0]!;
    await api(token!, routes.consoleSaveContent, `${routes.consoleContent.path}/stamp/${stamp.id}`, stamp);

    await console.getByTestId('console-content-publish-button').click();
    await shown(console, 'console-content-conflict', { text: 'Someone else published a new version' });
    await console.screenshot({ path: '/tmp/content-publish-conflict.png', fullPage: true });
    await console.getByTestId('console-content-reload').click();
    await shown(console, 'console-content-version', { text: 'version 3' });
    await shown(member, `journey-${NEW_QUEST}`, { text: 'Night Owl, edited' });

    // One click and a confirm roll back to version 2: a copy of it goes live and the member sees the old title.
    await console.getByTestId('console-content-rollback-2').click();
    await console.getByTestId('console-content-rollback-yes').click();
    await shown(console, 'console-content-rollback-status', {
      text: 'version 4 is live, a copy of version 2',
    });
    await shown(console, 'console-content-version', { text: 'version 4' });
    await shown(member, `journey-${NEW_QUEST}`, { text: TITLE });
    expect(await axeViolations(console)).toEqual([]);
    await console.setViewportSize({ width: 390, height: 844 });
    await console.screenshot({ path: '/tmp/content-publish-console-phone.png', fullPage: true });
  });
});
