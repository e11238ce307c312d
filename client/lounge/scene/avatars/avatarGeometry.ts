import { BufferAttribute, type BufferGeometry, CapsuleGeometry, CircleGeometry, SphereGeometry } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

/** Height of the head's centre above the floor; name tags and emotes float above it. */
export const HEAD_Y = 1.42;

/** Paints every vertex one shade; multiplied by the per-instance colour in the shader. */
function shaded(geometry: BufferGeometry, shade: number): BufferGeometry {
  const count = geometry.getAttribute('position').count;
  const colors = new Float32Array(count * 3).fill(shade);
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  return geometry;
}

/** How finely an avatar is built: `near` for the ones close to the camera, `far` (about a tenth of the triangles). */
export type AvatarDetail = 'near' | 'far';

/** Torso and arms in one geometry; the arms a shade darker than the member's colour. */
export function createBodyGeometry(detail: AvatarDetail = 'near'): BufferGeometry {
  const [caps, radial, limbCaps, limbRadial] = detail === 'near' ? [6, 16, 4, 8] : [2, 8, 1, 4];
  const torso = new CapsuleGeometry(0.27, 0.56, caps, radial).translate(0, 0.64, 0);
  const leftArm = new CapsuleGeometry(0.07, 0.4, limbCaps, limbRadial)
    .rotateZ(0.18)
    .translate(-0.31, 0.72, 0);
  const rightArm = new CapsuleGeometry(0.07, 0.4, limbCaps, limbRadial)
    .rotateZ(-0.18)
    .translate(0.31, 0.72, 0);
  const collar = new CapsuleGeometry(0.2, 0.02, limbCaps, radial).scale(1, 0.35, 1).translate(0, 1.13, 0);
  const merged = mergeGeometries([
    shaded(torso, 1),
    shaded(leftArm, 0.78),
    shaded(rightArm, 0.78),
    shaded(collar, 1.25),
  ]);
  if (!merged) throw new Error('Layover: could not build the avatar body');
  return merged;
}

/** Head with two eyes on its +z side, so heading shows at a glance. */
export function createHeadGeometry(detail: AvatarDetail = 'near'): BufferGeometry {
  const [width, height, eyeWidth, eyeHeight] = detail === 'near' ? [20, 14, 8, 6] : [8, 6, 4, 3];
  const head = new SphereGeometry(0.22, width, height).translate(0, HEAD_Y, 0);
  const eyes = [-0.08, 0.08].map((x) =>
    shaded(new SphereGeometry(0.035, eyeWidth, eyeHeight).translate(x, HEAD_Y + 0.03, 0.19), 0.1),
  );
  const merged = mergeGeometries([shaded(head, 1), ...eyes]);
  if (!merged) throw new Error('Layover: could not build the avatar head');
  return merged;
}

/** A soft round contact shadow, lying flat. */
export function createShadowGeometry(): BufferGeometry {
  return new CircleGeometry(0.42, 24).rotateX(-Math.PI / 2);
}
