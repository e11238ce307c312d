/** English strings of the account screens (spread into ../en.ts). */
export const accountEn = {};
