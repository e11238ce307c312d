import type { BrandKit } from '../../../shared/protocol/brand.ts';
import { useBrandStore } from './brandStore.ts';

/** The brand kit in force, for components (re-rendered when a kit loads). */
export const useBrandKit = (): BrandKit => useBrandStore((state) => state.kit);
