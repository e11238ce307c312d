import { Color } from 'three';

export interface AvatarLook {
  body: Color;
  skin: Color;
  /** Phase offset so avatars don't bob in lockstep. */
  phase: number;
}

const SKIN_TONES = ['#f6d7c3', '#eac09d', '#d7a27a', '#b97f57', '#8d5a3b', '#f1cfa5'];
const looks = new Map<string, AvatarLook>();

/** FNV-1a: a small, stable string hash. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A member's colours, derived from their id so everyone sees the same avatar; cached per id. */
export function lookFor(memberId: string): AvatarLook {
  let look = looks.get(memberId);
  if (look) return look;
  const hash = hashString(memberId);
  const hue = (hash % 360) / 360;
  const saturation = 0.5 + ((hash >>> 9) % 20) / 100;
  const lightness = 0.48 + ((hash >>> 14) % 12) / 100;
  look = {
    body: new Color().setHSL(hue, saturation, lightness, 'srgb'),
    skin: new Color(SKIN_TONES[(hash >>> 20) % SKIN_TONES.length] ?? '#eac09d'),
    phase: ((hash >>> 3) % 628) / 100,
  };
  looks.set(memberId, look);
  return look;
}
