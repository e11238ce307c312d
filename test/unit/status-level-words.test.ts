import { expect, it } from 'vitest';
import { analyticsMessages } from '../../client/console/i18n/parts/analytics.ts';
import { LOCALES } from '../../client/core/i18n/locales.ts';
import { statusLevels } from '../../shared/content/status.ts';

// Issue 21: a Gold Pass holder's tag said "Guest", the word the sign-in kind uses, because the first level had it.
it.each(LOCALES)('the first status level and the guest sign-in kind use different words in %s', (locale) => {
  const guestWord = analyticsMessages[locale]['program.kind.guest'].toLocaleLowerCase(locale);
  const first = statusLevels[0]?.name[locale].toLocaleLowerCase(locale);
  expect(first).toBeTruthy();
  expect(first).not.toContain(guestWord);
});
