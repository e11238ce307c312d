import { describe, expect, it } from 'vitest';
import { fieldOfDetail } from '../../client/console/brand/brandErrors.ts';
import { brandFieldErrors } from '../../client/console/brand/fieldErrors.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';

// The console's brand form: what it marks beside each field before sending, and which field a refusal names.

describe('brandFieldErrors', () => {
  it('finds nothing wrong with the built-in kit', () => {
    expect([...brandFieldErrors(DEFAULT_BRAND_KIT).keys()]).toEqual([]);
  });

  it('marks a bad hex, faint text with the pair, a missing English welcome and a long board line', () => {
    const kit = {
      ...DEFAULT_BRAND_KIT,
      name: '',
      colours: { ...DEFAULT_BRAND_KIT.colours, accent: '#12345', text: '#e0e0e0' },
      welcome: { ...DEFAULT_BRAND_KIT.welcome, en: '  ' },
      boardLines: [{ en: 'LY 204 TAIPEI', 'zh-Hant': '', 'zh-Hans': '', vi: 'x'.repeat(33) }],
    };
    const errors = brandFieldErrors(kit);
    expect(Object.fromEntries(errors)).toEqual({
      name: { key: 'brand.error.name' },
      'colours.accent': { key: 'brand.error.hex' },
      'colours.text': {
        key: 'brand.error.contrast',
        vars: { pair: 'surface', ratio: expect.stringMatching(/^1\.\d\d$/) },
      },
      'welcome.en': { key: 'brand.error.required' },
      'boardLines.0.vi': { key: 'brand.error.tooLong', vars: { max: 32 } },
    });
  });

  it('names the primary when the text is fine on the surface but not on the buttons', () => {
    const kit = { ...DEFAULT_BRAND_KIT, colours: { ...DEFAULT_BRAND_KIT.colours, primary: '#333333' } };
    expect(brandFieldErrors(kit).get('colours.text')?.vars?.pair).toBe('primary');
  });
});

describe('fieldOfDetail', () => {
  it('reads the field a server refusal names, and nothing from other details', () => {
    expect(fieldOfDetail('kit.colours.text: contrast of text on surface is 1.2:1, needs 4.5:1')).toBe(
      'colours.text',
    );
    expect(fieldOfDetail('kit.boardLines.3.en: the English text is required')).toBe('boardLines.3.en');
    expect(fieldOfDetail('baseVersion: expected number')).toBeNull();
    expect(fieldOfDetail(undefined)).toBeNull();
  });
});
