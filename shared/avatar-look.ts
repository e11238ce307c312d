/** Body builds an avatar can have; the renderer scales the torso and limbs by build. */
export const BODY_BUILDS = ['slim', 'regular', 'broad'] as const;
/** Outfits; each is a different silhouette (jacket with collar, hoodie, dress, uniform with a cap-free collar). */
export const OUTFITS = ['jacket', 'hoodie', 'dress', 'uniform'] as const;
/** Hair styles; `none` is bald. */
export const HAIR_STYLES = ['none', 'short', 'bob', 'long', 'bun', 'curly'] as const;

/** Skin tones, light to dark (sRGB hex). */
export const SKIN_TONES = ['#f6d7c3', '#f1cfa5', '#eac09d', '#d7a27a', '#b97f57', '#8d5a3b'] as const;
/** Outfit and accent colours (sRGB hex). */
export const OUTFIT_COLOURS = [
  '#1f3a5f',
  '#2e6bd1',
  '#3aa6a0',
  '#4f9d4a',
  '#c9a227',
  '#e07a2f',
  '#c8393b',
  '#b0417f',
  '#6b4fb3',
  '#3b3f46',
  '#8a8f98',
  '#f2efe8',
] as const;
/** Hair colours (sRGB hex). */
export const HAIR_COLOURS = [
  '#1b1716',
  '#3b2a20',
  '#6a4a2f',
  '#a8733f',
  '#d9b26a',
  '#b5502e',
  '#9aa0a6',
  '#e9e4da',
] as const;

/**
 * How a member's avatar looks: chosen at entry or later, stored on the member, sent to everyone in the room. This
 * module stays free of zod (the entry screen loads it first); the request schema is shared/protocol/avatar.ts.
 */
export interface AvatarLook {
  build: (typeof BODY_BUILDS)[number];
  /** Index into SKIN_TONES. */
  skin: number;
  outfit: (typeof OUTFITS)[number];
  /** Indices into OUTFIT_COLOURS. */
  outfitColour: number;
  accentColour: number;
  hair: (typeof HAIR_STYLES)[number];
  /** Index into HAIR_COLOURS. */
  hairColour: number;
  /** A wearable prize the member holds (shared/content/prizes.ts `wearable`), or null. The server checks holdings. */
  wear: string | null;
}

/** Prize ids as shared/content/prizes.ts spells them. */
export const WEAR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const WEAR_ID_MAX = 64;

const within = (value: unknown, length: number): boolean =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** Whether a decoded candidate is a whole, valid look (the same rules as the request schema). */
function isLook(candidate: Record<string, unknown>): candidate is AvatarLook & Record<string, unknown> {
  const { wear } = candidate;
  return (
    BODY_BUILDS.includes(candidate.build as AvatarLook['build']) &&
    within(candidate.skin, SKIN_TONES.length) &&
    OUTFITS.includes(candidate.outfit as AvatarLook['outfit']) &&
    within(candidate.outfitColour, OUTFIT_COLOURS.length) &&
    within(candidate.accentColour, OUTFIT_COLOURS.length) &&
    HAIR_STYLES.includes(candidate.hair as AvatarLook['hair']) &&
    within(candidate.hairColour, HAIR_COLOURS.length) &&
    (wear === null || (typeof wear === 'string' && wear.length <= WEAR_ID_MAX && WEAR_ID.test(wear)))
  );
}

/** FNV-1a: a small, stable string hash. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** The look a member has before choosing one: derived from their id, so everyone sees the same avatar. */
export function defaultLook(memberId: string): AvatarLook {
  const hash = hashString(memberId);
  return {
    build: pick(BODY_BUILDS, hash >>> 2),
    skin: (hash >>> 20) % SKIN_TONES.length,
    outfit: pick(OUTFITS, hash >>> 5),
    outfitColour: (hash >>> 8) % OUTFIT_COLOURS.length,
    accentColour: (hash >>> 12) % OUTFIT_COLOURS.length,
    hair: pick(HAIR_STYLES, hash >>> 16),
    hairColour: (hash >>> 24) % HAIR_COLOURS.length,
    wear: null,
  };
}

/**
 * The look on the wire (Member.look in shared/state/LoungeState.ts): `build.skin.outfit.colour.accent.hair.hairColour`
 * with indices into the lists above, then `.wear` when a wearable is worn; '' means the member's default look.
 */
export function encodeLook(look: AvatarLook): string {
  const parts = [
    BODY_BUILDS.indexOf(look.build),
    look.skin,
    OUTFITS.indexOf(look.outfit),
    look.outfitColour,
    look.accentColour,
    HAIR_STYLES.indexOf(look.hair),
    look.hairColour,
  ].join('.');
  return look.wear ? `${parts}.${look.wear}` : parts;
}

/** Reads Member.look; anything malformed (or '') gives the member's default look, never a throw. */
export function decodeLook(encoded: string, memberId: string): AvatarLook {
  if (!encoded) return defaultLook(memberId);
  const [build, skin, outfit, colour, accent, hair, hairColour, wear] = encoded.split('.');
  const candidate = {
    build: BODY_BUILDS[Number(build)],
    skin: Number(skin),
    outfit: OUTFITS[Number(outfit)],
    outfitColour: Number(colour),
    accentColour: Number(accent),
    hair: HAIR_STYLES[Number(hair)],
    hairColour: Number(hairColour),
    wear: wear ?? null,
  };
  if (!isLook(candidate)) return defaultLook(memberId);
  const {
    build: b,
    skin: s,
    outfit: o,
    outfitColour,
    accentColour,
    hair: h,
    hairColour: hc,
    wear: w,
  } = candidate;
  return { build: b, skin: s, outfit: o, outfitColour, accentColour, hair: h, hairColour: hc, wear: w };
}
