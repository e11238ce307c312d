import { palette } from '../../client/core/scene/palette.ts';

/** A procedural tiling detail texture, multiplied by the material's colour. */
export type DetailTexture = 'weave' | 'grain';

/** A glTF metal-rough material; `texture` parts get box-mapped UVs at `perMetre` repeats. */
export interface MaterialSpec {
  name: string;
  color: string;
  roughness: number;
  metalness: number;
  texture?: { kind: DetailTexture; perMetre: number };
}

const weave = { kind: 'weave', perMetre: 5 } as const;
const grain = { kind: 'grain', perMetre: 2.5 } as const;

/**
 * The models' materials. Plain ones carry a palette name: the lounge swaps in the palette's shared material of that
 * name, so they merge with the rest of the scenery; textured ones (fabric, hide) are used as loaded.
 */
export const MODEL_MATERIALS = {
  walnut: { name: 'walnut', color: palette.walnut, roughness: 0.55, metalness: 0 },
  brass: { name: 'brass', color: palette.brass, roughness: 0.3, metalness: 0.8 },
  terracotta: { name: 'terracotta', color: palette.terracotta, roughness: 0.9, metalness: 0 },
  plant: { name: 'plant', color: palette.plantGreen, roughness: 0.8, metalness: 0 },
  plantDark: { name: 'plantDark', color: palette.plantDark, roughness: 0.8, metalness: 0 },
  tealFabric: { name: 'fabric-teal', color: palette.teal, roughness: 0.9, metalness: 0, texture: weave },
  creamFabric: { name: 'fabric-cream', color: palette.cream, roughness: 0.9, metalness: 0, texture: weave },
  leatherHide: { name: 'hide-leather', color: palette.leather, roughness: 0.5, metalness: 0, texture: grain },
  caramelHide: { name: 'hide-caramel', color: palette.caramel, roughness: 0.5, metalness: 0, texture: grain },
} as const satisfies Record<string, MaterialSpec>;
