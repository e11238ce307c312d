import type { accountEn } from './en.ts';

export const accountVi: Record<keyof typeof accountEn, string> = {};
