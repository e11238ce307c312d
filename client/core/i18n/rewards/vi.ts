import type { rewardsEn } from './en.ts';

export const rewardsVi: Record<keyof typeof rewardsEn, string> = {};
