import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import createResolverClient from 'troika-three-text/libs/unicode-font-resolver-client.factory.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CJK_FONTS_URL } from '../../client/core/scene/cjkFonts.ts';
import { boardText, eventBoardRows } from '../../client/lounge/scene/furniture/eventDepartures.ts';

const ASSETS = join(import.meta.dirname, '../../assets');
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  // The resolver as troika runs it, reading assets/fonts/cjk as the server serves it; anything else is a 404.
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (!url.startsWith(`${CJK_FONTS_URL}/`))
      return new Response(null, { status: 404, statusText: 'Not Found' });
    try {
      return new Response(await readFile(join(ASSETS, url)));
    } catch {
      return new Response(null, { status: 404, statusText: 'Not Found' });
    }
  });
});

afterEach(() => vi.unstubAllGlobals());

interface Resolved {
  fontUrls: string[];
  chars: Uint8Array;
}

const resolve = (text: string, lang: string): Promise<Resolved> =>
  createResolverClient().getFontsForString(text, { lang, dataUrl: CJK_FONTS_URL });

// Issue 21: Chinese in the 3D text drew as boxes, or never, since troika's fallback fonts come from a CDN.
describe('the CJK pieces troika falls back to', () => {
  it('draws a zh-Hant title from Traditional pieces, each fetched once', async () => {
    const { fontUrls } = await resolve('中秋晚會 旅人', 'zh-Hant');
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const url of fontUrls)
      expect(url).toMatch(/^\/fonts\/cjk\/font-files\/hant-\d+\/sans-serif\.normal\.400\.woff$/);
    await Promise.all(
      fontUrls.map(async (url) =>
        expect((await readFile(join(ASSETS, url))).subarray(0, 4).toString()).toBe('wOFF'),
      ),
    );
    expect(new Set(fontUrls).size).toBe(fontUrls.length);
  });

  it('draws a zh-Hans title from Simplified pieces', async () => {
    const { fontUrls } = await resolve('中秋晚会', 'zh-Hans');
    for (const url of fontUrls) expect(url).toMatch(/\/font-files\/hans-\d+\//);
  });

  it('finds a Traditional-only character for a Simplified reader', async () => {
    const { fontUrls } = await resolve('會', 'zh-Hans');
    expect(fontUrls).toHaveLength(1);
  });

  it('never asks the CDN for the characters it holds', async () => {
    await resolve('登機門 出發 「歡迎」', 'zh-Hant');
    expect(fetched.every((url) => url.startsWith(`${CJK_FONTS_URL}/`))).toBe(true);
  });
});

describe('the board keeps Chinese only for Chinese readers', () => {
  it('keeps Han characters, two columns each, when asked', () => {
    expect(boardText('中秋晚會', 24, true)).toBe('中秋晚會');
    expect(boardText('Mid-Autumn 中秋 Party', 24, true)).toBe('MID-AUTUMN 中秋 PARTY');
    expect(boardText('一二三四五六七八九十一二三四五', 24, true)).toBe('一二三四五六七八九十...');
  });

  it('folds Chinese away for English and Vietnamese readers, as before', () => {
    expect(boardText('中秋晚會')).toBe('');
    const event = {
      id: 'moon',
      title: '中秋晚會',
      description: '',
      hall: 'main-stage' as const,
      startsAt: '2030-05-01T12:00:00Z',
      endsAt: '2030-05-01T13:00:00Z',
      status: 'scheduled' as const,
      open: false,
      access: { kind: 'anyone' as const },
      drops: [],
      attendMinutes: 5,
      attendanceStampId: 'x',
    };
    const clock = () => '12:00';
    expect(eventBoardRows([event], 0, clock, true)[0]?.destination).toBe('中秋晚會');
    expect(eventBoardRows([event], 0, clock)[0]?.destination).toBe('LIVE EVENT');
  });
});
