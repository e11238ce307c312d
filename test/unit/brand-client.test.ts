import { describe, expect, it } from 'vitest';
import { brandCssProperties } from '../../client/core/brand/brandCss.ts';
import { screenContent } from '../../client/hall/screenContent.ts';
import { brandedThemeColors, THEME_COLORS } from '../../client/lounge/scene/roomTheme.ts';
import { BRAND_FONTS } from '../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';
import type { StageView } from '../../shared/protocol/stage.ts';

// How the member's client applies a brand kit: CSS custom properties, the scene's signs and rugs, the idle screen.

describe('brand kit in the client', () => {
  it('sets the four colours and the font stack as custom properties', () => {
    const kit = { ...DEFAULT_BRAND_KIT, font: 'serif' as const };
    expect(brandCssProperties(kit)).toEqual({
      '--brand-primary': '#c9a15a',
      '--brand-accent': '#1f4b49',
      '--brand-surface': '#fffaf2',
      '--brand-text': '#1f2328',
      '--brand-font': BRAND_FONTS.serif,
    });
  });

  it('keeps today rugs for the built-in kit and dark rooms, and brand colours on the main lounge rugs', () => {
    expect(brandedThemeColors('main', DEFAULT_BRAND_KIT.colours)).toBe(THEME_COLORS.main);
    const colours = { ...DEFAULT_BRAND_KIT.colours, primary: '#e0b0ff', accent: '#123456' };
    expect(brandedThemeColors('main', colours)).toMatchObject({ rugCentre: '#123456', rugBoard: '#e0b0ff' });
    expect(brandedThemeColors('hall', colours)).toBe(THEME_COLORS.hall);
  });

  it('calls the big screen idle only when no announcement, poll or drop is on it', () => {
    const stage = { title: 'Launch', announcement: '', poll: null, drop: null } as unknown as StageView;
    expect(screenContent(stage, 'en').idle).toBe(true);
    expect(screenContent({ ...stage, announcement: 'Doors open' }, 'en').idle).toBe(false);
  });
});
