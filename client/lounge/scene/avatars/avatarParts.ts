import { type BufferGeometry, CapsuleGeometry } from 'three';
import { HAIR_STYLES, OUTFITS } from '../../../../shared/avatar-look.ts';

/** Height of the head's centre above the floor; name tags and emotes float above it. */
export const HEAD_Y = 1.5;

/** Rigid parts of the body: each vertex belongs to one, and the vertex shader turns it about the part's pivot. */
export const Part = { trunk: 0, head: 1, armRight: 2, armLeft: 3, legRight: 4, legLeft: 5 } as const;
export type Part = (typeof Part)[keyof typeof Part];

/** Where each part turns (the avatar faces +z, so its right side is -x). */
export const PIVOTS: Record<Part, readonly [number, number, number]> = {
  [Part.trunk]: [0, 0.8, 0],
  [Part.head]: [0, 1.3, 0],
  [Part.armRight]: [-0.27, 1.2, 0],
  [Part.armLeft]: [0.27, 1.2, 0],
  [Part.legRight]: [-0.1, 0.8, 0],
  [Part.legLeft]: [0.1, 0.8, 0],
};

/** Which of the look's choices a vertex depends on; `always` vertices show for every look. */
export const Group = { always: 0, outfit: 1, hair: 2, wear: 3 } as const;
export type Group = (typeof Group)[keyof typeof Group];

/** Which colour of the look a vertex takes; `fixed` keeps the vertex colour (eyes, shoes, buttons). */
export const Tint = { skin: 0, outfit: 1, accent: 2, hair: 3, wear: 4, fixed: 5 } as const;
export type Tint = (typeof Tint)[keyof typeof Tint];

/** Wearable kinds as the shader numbers them; 0 is nothing worn. */
export const WEAR_KINDS = ['none', 'cap', 'badge'] as const;
export type WearKind = (typeof WEAR_KINDS)[number];

/** A mask with the bit of each named choice set: a vertex shows when the look's choice has its bit. */
export function maskOf<T extends string>(choices: readonly T[], ...shown: T[]): number {
  return shown.reduce((mask, choice) => mask | (1 << choices.indexOf(choice)), 0);
}

export const outfitMask = (...shown: (typeof OUTFITS)[number][]) => maskOf(OUTFITS, ...shown);
export const hairMask = (...shown: (typeof HAIR_STYLES)[number][]) => maskOf(HAIR_STYLES, ...shown);
export const wearMask = (...shown: WearKind[]) => maskOf(WEAR_KINDS, ...shown);

/** Whether a vertex of `group` with `mask` shows for a look's choice `value` (the shader's test, in TypeScript). */
export function shows(group: Group, mask: number, value: number): boolean {
  return group === Group.always || ((mask >> value) & 1) === 1;
}

/** One primitive of the body: its part, colour source, and the look choices it shows for. */
export interface Piece {
  geometry: BufferGeometry;
  part: Part;
  tint: Tint;
  /** A multiplier of the tint (a shade), or the colour itself (sRGB hex) for Tint.fixed. */
  shade?: number | string;
  group?: Group;
  mask?: number;
}

/** A capsule along y centred on the origin: limbs, torso. */
export const capsule = (r: number, length: number, caps: number, radial: number) =>
  new CapsuleGeometry(r, length, caps, radial);
