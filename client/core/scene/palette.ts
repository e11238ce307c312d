import { Color, MeshStandardMaterial } from 'three';

/** The lounge's colours: warm woods, cream walls, deep teal textiles and brass. */
export const palette = {
  floor: '#b48a60',
  floorDark: '#9c7450',
  wallCream: '#efe5d4',
  wainscot: '#6b4431',
  walnut: '#5a3826',
  oak: '#b98553',
  caramel: '#b06a36',
  leather: '#8e4a2c',
  teal: '#2d6a66',
  tealDeep: '#1f4b49',
  rug: '#2f5f5b',
  rugBorder: '#c8a25c',
  burgundy: '#7a2e3a',
  brass: '#c9a15a',
  cream: '#f4ecde',
  marble: '#ece6dc',
  charcoal: '#2a2d33',
  screen: '#0d1117',
  plantGreen: '#4f7d43',
  plantDark: '#355f35',
  terracotta: '#b5603c',
  sky: '#a9d4f2',
  fog: '#cfe5f4',
  tarmac: '#5d6166',
  apron: '#6c7075',
  runway: '#3c3f44',
  grass: '#7fa05a',
  stripe: '#f2f2ee',
  taxiYellow: '#e8b93a',
  fuselage: '#f4f6f8',
  livery: '#1f6f6a',
  glass: '#cfe9f7',
  mullion: '#3b3129',
} as const;

/** Shared materials for the furniture, so many meshes reuse a handful of shader programs. */
export const materials = {
  walnut: new MeshStandardMaterial({ color: palette.walnut, roughness: 0.55 }),
  oak: new MeshStandardMaterial({ color: palette.oak, roughness: 0.6 }),
  leather: new MeshStandardMaterial({ color: palette.leather, roughness: 0.45 }),
  caramel: new MeshStandardMaterial({ color: palette.caramel, roughness: 0.7 }),
  teal: new MeshStandardMaterial({ color: palette.teal, roughness: 0.85 }),
  tealDeep: new MeshStandardMaterial({ color: palette.tealDeep, roughness: 0.85 }),
  burgundy: new MeshStandardMaterial({ color: palette.burgundy, roughness: 0.6 }),
  brass: new MeshStandardMaterial({ color: palette.brass, roughness: 0.3, metalness: 0.8 }),
  cream: new MeshStandardMaterial({ color: palette.cream, roughness: 0.8 }),
  marble: new MeshStandardMaterial({ color: palette.marble, roughness: 0.25 }),
  charcoal: new MeshStandardMaterial({ color: palette.charcoal, roughness: 0.6 }),
  screen: new MeshStandardMaterial({ color: palette.screen, roughness: 0.35 }),
  terracotta: new MeshStandardMaterial({ color: palette.terracotta, roughness: 0.9 }),
  plant: new MeshStandardMaterial({ color: palette.plantGreen, roughness: 0.8, flatShading: true }),
  plantDark: new MeshStandardMaterial({ color: palette.plantDark, roughness: 0.8, flatShading: true }),
  warmGlow: new MeshStandardMaterial({
    color: '#ffe7bf',
    emissive: new Color('#ffc978'),
    emissiveIntensity: 1.6,
    roughness: 0.4,
  }),
} as const;

/** A self-lit material for screens and signs. */
export function glowMaterial(color: string, intensity = 1.4): MeshStandardMaterial {
  return new MeshStandardMaterial({
    color,
    emissive: new Color(color),
    emissiveIntensity: intensity,
    roughness: 0.5,
  });
}
