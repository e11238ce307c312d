/** Strings about prizes held until a member keeps their account (spread into ../en.ts). */
export const rewardsEn = {
  /** Shown with "Prize won" when the prize waits for the member to keep their account (PRIZE_REQUIRES). */
  'rewards.keepAccount': 'Keep your account to receive this prize',
};
