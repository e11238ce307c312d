import type { accountEn } from './en.ts';

export const accountZhHant: Record<keyof typeof accountEn, string> = {};
