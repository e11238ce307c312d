import type { Material, Object3D, Texture } from 'three';

/** Bytes one texture takes on the GPU as an uncompressed RGBA8 upload, its mip chain included. */
export function textureBytes(texture: Texture): number {
  const image = texture.image as { width?: number; height?: number } | null | undefined;
  const width = image?.width ?? 0;
  const height = image?.height ?? 0;
  const base = width * height * 4;
  // A full mip chain adds a third of the base level.
  return texture.generateMipmaps ? Math.round((base * 4) / 3) : base;
}

function texturesOf(material: Material, found: Set<Texture>): void {
  for (const value of Object.values(material)) {
    if (value && typeof value === 'object' && (value as Texture).isTexture) found.add(value as Texture);
  }
}

/** The distinct textures the scene's materials use and their GPU bytes (RGBA8 estimate; shadow maps not counted). */
export function sceneTextureMemory(scene: Object3D): { textures: number; textureBytes: number } {
  const found = new Set<Texture>();
  scene.traverse((object) => {
    const material = (object as { material?: Material | Material[] }).material;
    if (!material) return;
    for (const one of Array.isArray(material) ? material : [material]) texturesOf(one, found);
  });
  let bytes = 0;
  for (const texture of found) bytes += textureBytes(texture);
  return { textures: found.size, textureBytes: bytes };
}
