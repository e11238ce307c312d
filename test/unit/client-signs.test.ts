import { describe, expect, it } from 'vitest';
import { builtInText, SIGN_SMALL_PRINT, signText } from '../../client/core/brand/signText.ts';
import { drawnSigns, forgetSign, recordSign } from '../../client/core/scene/drawnSigns.ts';
import { fitText, SIGN_MAX_PX, signCanvasSize, signFont } from '../../client/core/scene/signFit.ts';
import { BrandKit, SIGN_PLACES } from '../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';

// The lounge's 3D signs (issue 20): which words each shows in the member's language, and how they fit the board.

/** A stand-in for canvas measureText: every character 0.6 em wide, Han characters 1 em. */
const measure = (text: string, fontPx: number) =>
  [...text].reduce((width, char) => width + (/[\u2E80-\u9FFF]/.test(char) ? 1 : 0.6), 0) * fontPx;

describe('sign text per language', () => {
  const signage = {
    ...DEFAULT_BRAND_KIT.signage,
    bar: { en: 'SKY BAR', 'zh-Hant': '天空酒吧', 'zh-Hans': '', vi: '  ' },
  };

  it('takes the kit text in the member language, Chinese included', () => {
    expect(signText(signage, 'bar', 'zh-Hant')).toBe('天空酒吧');
    expect(signText(signage, 'bar', 'en')).toBe('SKY BAR');
  });

  it('falls back to the kit English where the language was left empty or blank', () => {
    expect(signText(signage, 'bar', 'zh-Hans')).toBe('SKY BAR');
    expect(signText(signage, 'bar', 'vi')).toBe('SKY BAR');
    expect(signText(signage, 'bar', 'fr')).toBe('SKY BAR');
  });

  it('falls back to the built-in sign when the kit has none for the place', () => {
    const { stage: _stage, ...withoutStage } = signage;
    expect(signText(withoutStage, 'stage', 'zh-Hans')).toBe('舞台');
    expect(signText(withoutStage, 'stage', 'fr')).toBe('STAGE');
    expect(signText(undefined, 'arcade', 'vi')).toBe('KHU TRÒ CHƠI');
  });

  it('has a sign for every place in the schema, the arcade, bar and stage among them', () => {
    expect(SIGN_PLACES).toEqual(expect.arrayContaining(['arcade', 'bar', 'stage']));
    const { bar: _bar, ...missingBar } = DEFAULT_BRAND_KIT.signage;
    expect(BrandKit.safeParse({ ...DEFAULT_BRAND_KIT, signage: missingBar }).success).toBe(false);
    for (const place of SIGN_PLACES)
      expect(signText(DEFAULT_BRAND_KIT.signage, place, 'zh-Hant')).not.toBe('');
  });

  it('writes the small print in the member language, English otherwise', () => {
    expect(builtInText(SIGN_SMALL_PRINT.vipDoor, 'zh-Hant')).toBe('限通行證持有人');
    expect(builtInText(SIGN_SMALL_PRINT.vipDoor, 'de')).toBe('PASS HOLDERS ONLY');
  });
});

describe('fitting sign text', () => {
  const box = { width: 600, height: 100, maxFontPx: 80 };

  it('draws short text as large as the height and the cap allow', () => {
    expect(fitText('BAR', measure, box)).toEqual({ lines: ['BAR'], fontPx: 80 });
    expect(fitText('BAR', measure, { ...box, maxFontPx: 500 }).fontPx).toBeCloseTo(100 / 1.2);
  });

  it('shrinks a long line until it fits the width', () => {
    const fitted = fitText('WELCOME TO THE ORBIT AIR LOUNGE', measure, { ...box, wrap: false });
    expect(fitted.lines).toHaveLength(1);
    expect(measure(fitted.lines[0] ?? '', fitted.fontPx)).toBeCloseTo(600);
  });

  it('breaks a long sign in two at a space, or between Han characters, when that draws it larger', () => {
    const tall = { width: 400, height: 200, maxFontPx: 200 };
    const words = fitText('PARTNER SUITE LOUNGE', measure, tall);
    expect(words.lines).toEqual(['PARTNER', 'SUITE LOUNGE']);
    const han = fitText('合作夥伴套房休息室', measure, tall);
    expect(han.lines.join('')).toBe('合作夥伴套房休息室');
    expect(han.lines).toHaveLength(2);
    for (const line of han.lines) expect(measure(line, han.fontPx)).toBeLessThanOrEqual(400 + 1e-9);
    expect(han.lines.length * han.fontPx * 1.2).toBeLessThanOrEqual(200 + 1e-9);
  });

  it('keeps a short sign on one line and given lines as they are', () => {
    expect(fitText('VIP LOUNGE', measure, box).lines).toEqual(['VIP LOUNGE']);
    const board = fitText('FLIGHT 1\nFLIGHT 2\nFLIGHT 3', measure, { ...box, height: 300, lineHeight: 1.8 });
    expect(board.lines).toEqual(['FLIGHT 1', 'FLIGHT 2', 'FLIGHT 3']);
    expect(board.fontPx).toBeCloseTo(300 / (3 * 1.8));
  });

  it('sizes the canvas by the screen density, up to 2x and the cap', () => {
    expect(signCanvasSize(4, 0.5, 1)).toEqual({ width: 1024, height: 128 });
    expect(signCanvasSize(4, 0.5, 3)).toEqual({ width: 2048, height: 256 });
    expect(signCanvasSize(4, 0.5, 0.5)).toEqual({ width: 1024, height: 128 });
    expect(signCanvasSize(2, 0.5, 1.5)).toEqual({ width: 768, height: 192 });
    expect(signCanvasSize(20, 1, 2).width).toBe(SIGN_MAX_PX);
  });

  it('puts the reader’s Han fonts first and ends on the browser’s own', () => {
    expect(signFont('zh-Hans', 40.7, true)).toMatch(/^bold 40px .*"Noto Sans CJK SC".*"Noto Sans CJK TC"/);
    expect(signFont('zh-Hant', 40, false)).toMatch(/^normal 40px .*"Noto Sans CJK TC".*"Noto Sans CJK SC"/);
    expect(signFont('en', 12, true)).toMatch(/^bold 12px "Layover Sans".*"Microsoft JhengHei".*sans-serif$/);
    expect(signFont('vi', 12, false)).not.toContain('Layover Sans');
  });
});

describe('drawn signs for tests', () => {
  it('keeps what each named sign drew until it leaves', () => {
    const first = {
      text: 'BAR',
      lines: ['BAR'],
      fontPx: 80,
      canvas: { width: 800, height: 100 },
      loungeFace: true,
    };
    const second = { ...first, text: '酒吧', lines: ['酒吧'] };
    recordSign('bar', first);
    recordSign('bar', second);
    forgetSign('bar', first);
    expect(drawnSigns().bar?.text).toBe('酒吧');
    forgetSign('bar', second);
    expect(drawnSigns().bar).toBeUndefined();
  });
});
