import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContentUnavailableView } from '../../client/core/content/ContentUnavailable.tsx';
import { type AskForContent, refreshContent } from '../../client/core/content/loadContent.ts';
import {
  conditionalHeaders,
  isNewerVersion,
  readContentAnswer,
} from '../../client/core/content/revalidate.ts';
import { findPrize, findQuest, levelName, publishedQuests, questTitle } from '../../client/core/content.ts';
import { LOCALES } from '../../client/core/i18n/locales.ts';
import { translate } from '../../client/core/i18n/translate.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import type { MemberContent } from '../../shared/protocol/content.ts';
import { seedMemberContent } from '../support/published-content.ts';

const v1 = seedMemberContent(1);
const firstQuest = v1.quests[0];
if (!firstQuest) throw new Error('the seed has quests');
/** Version 2: one quest more, as a publish in the console makes it. */
const v2: MemberContent = {
  ...seedMemberContent(2),
  quests: [...v1.quests, { ...firstQuest, id: 'night-owl', title: { ...firstQuest.title, en: 'Night Owl' } }],
};
const ok = (content: MemberContent) => ({ status: 200, etag: `"v${content.version}"`, body: content });

beforeEach(() => {
  useLayoverStore.setState({ content: null, contentEtag: null, contentStatus: 'loading', locale: 'en' });
});

describe('reading an answer of GET /api/content', () => {
  it('asks with If-None-Match only once it holds an ETag', () => {
    expect(conditionalHeaders(null)).toEqual({ accept: 'application/json' });
    expect(conditionalHeaders('"v3"')).toEqual({ accept: 'application/json', 'if-none-match': '"v3"' });
  });

  it('takes a first bundle and a newer one, with their ETags', () => {
    expect(readContentAnswer(ok(v1), null)).toEqual({ kind: 'replace', content: v1, etag: '"v1"' });
    expect(readContentAnswer(ok(v2), v1)).toEqual({ kind: 'replace', content: v2, etag: '"v2"' });
  });

  it('keeps what it has on 304, on the same version and on a late answer with an older one', () => {
    expect(readContentAnswer({ status: 304, etag: '"v2"', body: null }, v2)).toEqual({ kind: 'unchanged' });
    expect(readContentAnswer(ok(v2), v2)).toEqual({ kind: 'unchanged' });
    expect(readContentAnswer(ok(v1), v2)).toEqual({ kind: 'unchanged' });
  });

  it('fails on a server error, no answer, a malformed body, or a 304 with nothing in hand', () => {
    expect(readContentAnswer({ status: 500, etag: null, body: { error: 'internal' } }, v1).kind).toBe(
      'failed',
    );
    expect(readContentAnswer({ status: 0, etag: null, body: null }, null).kind).toBe('failed');
    expect(
      readContentAnswer({ status: 200, etag: '"v9"', body: { version: 9, quests: 'all' } }, v1).kind,
    ).toBe('failed');
    expect(readContentAnswer({ status: 200, etag: '"v9"', body: { ...v1, version: -1 } }, null).kind).toBe(
      'failed',
    );
    expect(readContentAnswer({ status: 304, etag: null, body: null }, null).kind).toBe('failed');
  });

  it('refetches on a contentChanged notice only for a version it does not hold', () => {
    expect(isNewerVersion(1, null)).toBe(true);
    expect(isNewerVersion(2, v1)).toBe(true);
    expect(isNewerVersion(1, v1)).toBe(false);
    expect(isNewerVersion(1, v2)).toBe(false);
  });
});

describe('the content in the store', () => {
  it('names nothing before the first load, then reads the version in hand', () => {
    expect(findQuest(firstQuest.id)).toBeUndefined();
    expect(questTitle(firstQuest.id, 'en')).toBe(firstQuest.id);
    useLayoverStore.getState().setContent(v1, '"v1"');
    expect(questTitle(firstQuest.id, 'en')).toBe(firstQuest.title.en);
    expect(questTitle('night-owl', 'vi')).toBe('night-owl');
    expect(levelName('explorer', 'zh-Hant')).toBe('探索者');
    expect(findPrize('gold-pass')?.soulbound).toBeTypeOf('boolean');
    useLayoverStore.getState().setContent(v2, '"v2"');
    expect(questTitle('night-owl', 'en')).toBe('Night Owl');
    expect(publishedQuests().map((quest) => quest.id)).toContain('night-owl');
  });
});

describe('refreshContent', () => {
  it('loads, then revalidates with the ETag and keeps the content on 304', async () => {
    const asked: (string | null)[] = [];
    const answers = [ok(v1), { status: 304, etag: '"v1"', body: null }];
    const ask: AskForContent = async (etag) => {
      asked.push(etag);
      return answers.shift() ?? ok(v1);
    };
    await refreshContent(ask);
    await refreshContent(ask);
    expect(asked).toEqual([null, '"v1"']);
    expect(useLayoverStore.getState()).toMatchObject({
      content: v1,
      contentEtag: '"v1"',
      contentStatus: 'ready',
    });
  });

  it('runs once more when asked during a load, so a publish announced meanwhile is not missed', async () => {
    let release: () => void = () => undefined;
    const versions = [v1, v2];
    let calls = 0;
    const ask: AskForContent = async () => {
      calls++;
      const next = versions.shift() ?? v2;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      return ok(next);
    };
    const first = refreshContent(ask);
    const second = refreshContent(ask);
    const third = refreshContent(ask);
    release();
    await Promise.all([first, second, third]);
    expect(calls).toBe(2);
    expect(useLayoverStore.getState().content?.version).toBe(2);
  });

  it('says it failed only when it holds nothing; content in hand keeps working', async () => {
    const down: AskForContent = async () => ({ status: 503, etag: null, body: null });
    await refreshContent(down);
    expect(useLayoverStore.getState().contentStatus).toBe('failed');
    await refreshContent(async () => ok(v1));
    expect(useLayoverStore.getState().contentStatus).toBe('ready');
    await refreshContent(down);
    expect(useLayoverStore.getState()).toMatchObject({ content: v1, contentStatus: 'ready' });
  });
});

describe('when the content cannot load', () => {
  const rendered = (status: 'loading' | 'failed' | 'ready', held = false) =>
    renderToStaticMarkup(createElement(ContentUnavailableView, { status, held, onRetry: () => undefined }));

  it('says so with Try again in the member language, and nothing once content is in hand', () => {
    const html = rendered('failed');
    expect(html).toContain('role="alert"');
    expect(html).toContain(translate('en', 'content.retry'));
    expect(html).toContain(translate('en', 'content.unavailable'));
    // Each language has its own words for it, not an English copy.
    const messages = LOCALES.map((locale) => translate(locale, 'content.unavailable'));
    expect(new Set(messages).size).toBe(LOCALES.length);
    expect(rendered('loading')).toContain('Loading journeys');
    expect(rendered('failed', true)).toBe('');
    expect(rendered('ready')).toBe('');
  });
});
