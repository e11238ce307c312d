import type { rewardsEn } from './en.ts';

export const rewardsZhHant: Record<keyof typeof rewardsEn, string> = {};
