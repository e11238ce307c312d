/** The brand whose desk checks this lounge's perk codes in; a code issued under another brand is refused there. */
export const PERK_BRAND = 'layover';
