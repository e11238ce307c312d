/** Strings about prizes held until a member keeps their account (spread into ../en.ts). */
export const rewardsEn = {};
