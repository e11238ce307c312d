import { BRAND_FONTS, type BrandKit } from '../../../shared/protocol/brand.ts';

/** The CSS custom properties a kit sets on :root; the stylesheets' own colours read these. */
export function brandCssProperties(kit: BrandKit): Record<string, string> {
  return {
    '--brand-primary': kit.colours.primary,
    '--brand-accent': kit.colours.accent,
    '--brand-surface': kit.colours.surface,
    '--brand-text': kit.colours.text,
    '--brand-font': BRAND_FONTS[kit.font],
  };
}

/** Writes the kit's colours and font onto an element's style (the document root for the whole HUD). */
export function applyBrandCss(kit: BrandKit, element: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(brandCssProperties(kit))) element.style.setProperty(name, value);
}
