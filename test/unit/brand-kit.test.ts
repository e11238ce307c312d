import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../server/brand/image-header.ts';
import { checkBrandImage } from '../../server/brand/images.ts';
import { BrandKit, contrastRatio, inLocale } from '../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';
import { makePng } from '../support/brand-png.ts';

// The brand kit's pure parts: WCAG contrast, the kit's own checks, and image headers read from their bytes.

describe('contrastRatio', () => {
  it('is 21 for black on white, 1 for a colour on itself, and symmetric', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f4b49', '#1f4b49')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });
});

describe('BrandKit', () => {
  it('accepts the default kit, which is today look', () => {
    expect(BrandKit.safeParse(DEFAULT_BRAND_KIT).success).toBe(true);
  });

  it('names the pair when text is too faint on the surface or on the primary colour', () => {
    const faint = { ...DEFAULT_BRAND_KIT, colours: { ...DEFAULT_BRAND_KIT.colours, text: '#d0d0d0' } };
    const issues = BrandKit.safeParse(faint).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['colours.text', 'colours.text']);
    expect(issues[0]?.message).toMatch(/contrast of text on surface is 1\.\d\d:1, needs 4\.5:1/);
    expect(issues[1]?.message).toMatch(/text on primary/);
  });

  it('refuses a colour that is not #rrggbb, a long name, a ninth board line and a missing English text', () => {
    const bad = {
      ...DEFAULT_BRAND_KIT,
      name: 'x'.repeat(41),
      colours: { ...DEFAULT_BRAND_KIT.colours, accent: 'teal' },
      boardLines: Array.from({ length: 9 }, () => ({ en: 'LY 1 TAIPEI' })),
      welcome: { en: '', vi: 'Xin chào' },
    };
    const paths = (BrandKit.safeParse(bad).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'colours.accent', 'boardLines', 'welcome.en']));
  });

  it('counts characters, not UTF-16 units, and falls back to English for an empty language', () => {
    const line = { en: 'TAIPEI', 'zh-Hant': '臺'.repeat(32) };
    const [parsed] = BrandKit.parse({ ...DEFAULT_BRAND_KIT, boardLines: [line] }).boardLines;
    if (!parsed) throw new Error('the board line was dropped');
    expect(inLocale(parsed, 'zh-Hant')).toHaveLength(32);
    expect(inLocale(parsed, 'vi')).toBe('TAIPEI');
  });
});

/** A JPEG's first bytes: SOI, an APP0 segment, then a baseline frame header of `width` x `height`. */
function jpegStart(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, ...new Array(16).fill(0)]);
}

/** A lossless WebP's first bytes, `width` x `height`. */
function webpLossless(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  const data = [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255, 0, 0, 0, 0, 0];
  const riff = [...'RIFF'].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    ...riff,
    30,
    0,
    0,
    0,
    ...[...'WEBPVP8L'].map((c) => c.charCodeAt(0)),
    10,
    0,
    0,
    0,
    ...data,
  ]);
}

describe('readImageHeader', () => {
  it('reads PNG, JPEG and WebP sizes from their headers', () => {
    expect(readImageHeader(makePng(40, 30))).toEqual({ mime: 'image/png', width: 40, height: 30 });
    expect(readImageHeader(jpegStart(640, 480))).toEqual({ mime: 'image/jpeg', width: 640, height: 480 });
    expect(readImageHeader(webpLossless(300, 200))).toEqual({ mime: 'image/webp', width: 300, height: 200 });
  });

  it('finds nothing in text, an SVG, a truncated PNG or a GIF', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(readImageHeader(bytes('hello, I am not a picture'))).toBeNull();
    expect(readImageHeader(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(readImageHeader(makePng(40, 30).subarray(0, 20))).toBeNull();
    expect(readImageHeader(bytes('GIF89a\x10\x00\x10\x00'))).toBeNull();
  });
});

describe('checkBrandImage', () => {
  it('refuses with the code a person sees: not an image, too large, sides out of 16..2048', () => {
    const refusal = (bytes: Uint8Array) => {
      const checked = checkBrandImage(bytes);
      return checked.ok ? 'ok' : checked.refusal.code;
    };
    expect(refusal(new TextEncoder().encode('plain text'))).toBe('notAnImage');
    expect(refusal(makePng(16, 16, [1, 2, 3], 1024 * 1024))).toBe('imageTooLarge');
    expect(refusal(makePng(4000, 10))).toBe('imageDimensions');
    expect(refusal(makePng(15, 100))).toBe('imageDimensions');
    expect(refusal(makePng(2048, 16))).toBe('ok');
  });
});
