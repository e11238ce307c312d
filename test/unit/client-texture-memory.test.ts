import { BoxGeometry, Mesh, MeshBasicMaterial, MeshStandardMaterial, Scene, Texture } from 'three';
import { describe, expect, it } from 'vitest';
import { sceneTextureMemory, textureBytes } from '../../client/core/scene/textureMemory.ts';

function texture(width: number, height: number, mipmaps = true): Texture {
  const made = new Texture({ width, height } as unknown as HTMLImageElement);
  made.generateMipmaps = mipmaps;
  return made;
}

describe('texture memory of the lounge scene', () => {
  it('counts RGBA8 bytes, a third more with a mip chain', () => {
    expect(textureBytes(texture(256, 256, false))).toBe(256 * 256 * 4);
    expect(textureBytes(texture(256, 256))).toBe(Math.round((256 * 256 * 4 * 4) / 3));
    expect(textureBytes(new Texture())).toBe(0);
  });

  it('counts each texture once however many materials and meshes share it', () => {
    const shared = texture(512, 512, false);
    const normal = texture(128, 128, false);
    const scene = new Scene();
    const box = new BoxGeometry();
    scene.add(new Mesh(box, new MeshBasicMaterial({ map: shared })));
    scene.add(new Mesh(box, new MeshStandardMaterial({ map: shared, normalMap: normal })));
    scene.add(new Mesh(box, [new MeshBasicMaterial(), new MeshBasicMaterial({ map: shared })]));
    expect(sceneTextureMemory(scene)).toEqual({
      textures: 2,
      textureBytes: 512 * 512 * 4 + 128 * 128 * 4,
    });
  });
});
