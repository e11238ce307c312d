import type { accountEn } from './en.ts';

export const accountZhHans: Record<keyof typeof accountEn, string> = {};
