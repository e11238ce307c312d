import { FrontSide, MeshBasicMaterial } from 'three';

const cache = new Map<string, MeshBasicMaterial>();

/**
 * One-sided text material per colour: signs are not drawn mirrored when the camera looks at them from
 * behind (troika's default is double-sided). Pass as `material` to drei <Text>, without `color`.
 */
export function frontTextMaterial(color: string): MeshBasicMaterial {
  let material = cache.get(color);
  if (!material) {
    material = new MeshBasicMaterial({ color, side: FrontSide, toneMapped: false });
    cache.set(color, material);
  }
  return material;
}
