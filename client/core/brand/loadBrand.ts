import { BrandKit, type BrandView } from '../../../shared/protocol/brand.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { applyBrandCss } from './brandCss.ts';
import { useBrandStore } from './brandStore.ts';

/** Asks for the live kit once; on any failure the page keeps the built-in kit (already applied by the CSS). */
export async function loadBrand(): Promise<void> {
  try {
    const response = await fetch(routes.brand.path, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const view = (await response.json()) as BrandView;
    const kit = BrandKit.parse(view.kit);
    useBrandStore.getState().setBrand(kit, view.version);
    applyBrandCss(kit);
  } catch (error) {
    console.warn('Layover: the brand kit did not load; showing the built-in look', error);
  }
}
