import { create } from 'zustand';
import type { BrandKit } from '../../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../../shared/protocol/brand-default.ts';

/** The brand kit this page shows: the built-in look until GET /api/brand answers (and if it never does). */
export interface BrandState {
  kit: BrandKit;
  version: number;
  /** 'default' when the API failed or has not answered: the built-in kit is shown. */
  source: 'default' | 'server';
  setBrand: (kit: BrandKit, version: number) => void;
}

/** Its own small store: the lounge and the console both read it, neither owns it. */
export const useBrandStore = create<BrandState>()((set) => ({
  kit: DEFAULT_BRAND_KIT,
  version: 0,
  source: 'default',
  setBrand: (kit, version) => set({ kit, version, source: 'server' }),
}));
