import { Color, type Material, MeshDepthMaterial, MeshStandardMaterial, RGBADepthPacking } from 'three';
import { HAIR_COLOURS, OUTFIT_COLOURS, SKIN_TONES } from '../../../../shared/avatar-look.ts';
import { EMOTE_DURATION_MS } from '../../emotes.ts';
import { avatarPoseGlsl } from './avatarShader.ts';

const palette = (hexes: readonly string[]) => hexes.map((hex) => new Color(hex));

/** Palettes of the look (shared/avatar-look.ts), as the shader indexes them; colours in the working (linear) space. */
const uniforms = {
  uSkin: { value: palette(SKIN_TONES) },
  uCloth: { value: palette(OUTFIT_COLOURS) },
  uHair: { value: palette(HAIR_COLOURS) },
};

const pars = avatarPoseGlsl({
  skin: SKIN_TONES.length,
  cloth: OUTFIT_COLOURS.length,
  hair: HAIR_COLOURS.length,
  emoteSeconds: EMOTE_DURATION_MS / 1000,
});

/** Adds the pose and the look to a built-in material's vertex shader; `lit` ones also turn normals and tint. */
function posed<M extends Material>(material: M, lit: boolean): M {
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    let vertex = shader.vertexShader.replace('#include <common>', `#include <common>\n${pars}`);
    if (lit) {
      vertex = vertex
        .replace('#include <color_vertex>', '#include <color_vertex>\nvColor.rgb *= avatarTint();')
        .replace(
          '#include <beginnormal_vertex>',
          'vec3 avatarPosition;\nvec3 objectNormal;\navatarPose(position, normal, avatarPosition, objectNormal);',
        )
        .replace('#include <begin_vertex>', 'vec3 transformed = avatarPosition;');
    } else {
      vertex = vertex.replace(
        '#include <begin_vertex>',
        'vec3 transformed;\nvec3 avatarNormal;\navatarPose(position, vec3(0.0, 1.0, 0.0), transformed, avatarNormal);',
      );
    }
    shader.vertexShader = vertex;
  };
  material.customProgramCacheKey = () => (lit ? 'layover-avatar' : 'layover-avatar-depth');
  return material;
}

/** The avatars' one material: per-instance look (colours, outfit, hair, wearable) and pose (walk, idle, emotes). */
export function createAvatarMaterial(): MeshStandardMaterial {
  return posed(new MeshStandardMaterial({ vertexColors: true, roughness: 0.62 }), true);
}

/** Shadow-map material that poses the limbs like createAvatarMaterial, so shadows follow the animation. */
export function createAvatarDepthMaterial(): MeshDepthMaterial {
  return posed(new MeshDepthMaterial({ depthPacking: RGBADepthPacking }), false);
}
