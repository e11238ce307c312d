import type { rewardsEn } from './en.ts';

export const rewardsVi: Record<keyof typeof rewardsEn, string> = {
  'rewards.keepAccount': 'Hãy giữ tài khoản của bạn để nhận giải thưởng này',
};
