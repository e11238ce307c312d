import {
  BoxGeometry,
  BufferAttribute,
  type BufferGeometry,
  CircleGeometry,
  Color,
  CylinderGeometry,
  SphereGeometry,
  TorusGeometry,
} from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { head } from './avatarHead.ts';
import { capsule, Group, outfitMask, Part, type Piece, Tint, wearMask } from './avatarParts.ts';

/** How finely an avatar is built: `near` for the ones close to the camera, `far` (a fraction of the triangles). */
export type AvatarDetail = 'near' | 'far';

const _colour = new Color();

/** Writes a piece's vertex colour and its aPart attribute (part, group, mask, tint); drops uvs nobody samples. */
function tag({ geometry, part, tint, shade = 1, group = Group.always, mask = 0 }: Piece): BufferGeometry {
  const count = geometry.getAttribute('position').count;
  if (typeof shade === 'string') _colour.set(shade);
  else _colour.setRGB(shade, shade, shade);
  const colors = new Float32Array(count * 3);
  const parts = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    colors.set([_colour.r, _colour.g, _colour.b], i * 3);
    parts.set([part, group, mask, tint], i * 4);
  }
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.setAttribute('aPart', new BufferAttribute(parts, 4));
  geometry.deleteAttribute('uv');
  return geometry;
}

const TROUSERS = outfitMask('jacket', 'hoodie', 'uniform');
const DRESS = outfitMask('dress');

function legs(near: boolean): Piece[] {
  const [caps, radial] = near ? [2, 8] : [1, 5];
  return [Part.legRight, Part.legLeft].flatMap((part) => {
    const x = part === Part.legRight ? -0.1 : 0.1;
    return [
      {
        geometry: capsule(0.085, 0.6, caps, radial).translate(x, 0.44, 0),
        part,
        tint: Tint.outfit,
        shade: 0.55,
        group: Group.outfit,
        mask: TROUSERS,
      },
      {
        geometry: capsule(0.065, 0.62, caps, radial).translate(x, 0.42, 0),
        part,
        tint: Tint.skin,
        group: Group.outfit,
        mask: DRESS,
      },
      {
        geometry: new SphereGeometry(0.085, radial, caps + 2).scale(1, 0.55, 1.6).translate(x, 0.05, 0.04),
        part,
        tint: Tint.fixed,
        shade: '#2a2622',
      },
    ];
  });
}

function arms(near: boolean): Piece[] {
  const [caps, radial] = near ? [2, 8] : [1, 5];
  return [Part.armRight, Part.armLeft].flatMap((part) => {
    const x = part === Part.armRight ? -0.27 : 0.27;
    return [
      {
        geometry: capsule(0.066, 0.36, caps, radial).translate(x, 0.98, 0),
        part,
        tint: Tint.outfit,
        shade: 0.88,
        group: Group.outfit,
        mask: TROUSERS,
      },
      {
        geometry: capsule(0.07, 0.08, caps, radial).translate(x, 1.12, 0),
        part,
        tint: Tint.outfit,
        group: Group.outfit,
        mask: DRESS,
      },
      {
        geometry: capsule(0.052, 0.36, caps, radial).translate(x, 0.98, 0),
        part,
        tint: Tint.skin,
        group: Group.outfit,
        mask: DRESS,
      },
      {
        geometry: new SphereGeometry(0.062, radial, caps + 3).translate(x, 0.74, 0.005),
        part,
        tint: Tint.skin,
      },
    ];
  });
}

/** Torso, neck and each outfit's own shapes: a jacket's flared hem and lapels, a hood, a skirt, a belted uniform. */
function trunk(near: boolean): Piece[] {
  const [caps, radial] = near ? [4, 12] : [2, 7];
  const front = (w: number, h: number, y: number, x = 0, roll = 0) =>
    new BoxGeometry(w, h, 0.02).rotateZ(roll).translate(x, y, 0.146);
  const pieces: Piece[] = [
    {
      geometry: capsule(0.2, 0.22, caps, radial).scale(1.12, 1, 0.74).translate(0, 1.03, 0),
      part: Part.trunk,
      tint: Tint.outfit,
    },
    {
      geometry: new CylinderGeometry(0.062, 0.07, 0.16, radial, 1, true).translate(0, 1.34, 0),
      part: Part.trunk,
      tint: Tint.skin,
      shade: 0.92,
    },
    {
      geometry: new CylinderGeometry(0.225, 0.262, 0.2, radial, 1, true)
        .scale(1.08, 1, 0.74)
        .translate(0, 0.8, 0),
      part: Part.trunk,
      tint: Tint.outfit,
      shade: 0.92,
      group: Group.outfit,
      mask: outfitMask('jacket', 'hoodie'),
    },
    {
      geometry: new CylinderGeometry(0.2, 0.4, 0.46, radial, 1, true)
        .scale(1.05, 1, 0.85)
        .translate(0, 0.6, 0),
      part: Part.trunk,
      tint: Tint.outfit,
      group: Group.outfit,
      mask: DRESS,
    },
    {
      geometry: new CylinderGeometry(0.224, 0.224, 0.07, radial, 1, true)
        .scale(1.1, 1, 0.76)
        .translate(0, 0.84, 0),
      part: Part.trunk,
      tint: Tint.accent,
      group: Group.outfit,
      mask: outfitMask('dress', 'uniform'),
    },
    {
      // A hood lying on the shoulders behind the neck.
      geometry: new TorusGeometry(0.15, 0.06, near ? 5 : 3, near ? 12 : 6)
        .rotateX(Math.PI / 2 - 0.5)
        .translate(0, 1.32, -0.06),
      part: Part.trunk,
      tint: Tint.outfit,
      shade: 0.85,
      group: Group.outfit,
      mask: outfitMask('hoodie'),
    },
  ];
  if (!near) return pieces;
  const outfit = (geometry: BufferGeometry, tint: Tint, shown: number, shade?: number | string): Piece => ({
    geometry,
    part: Part.trunk,
    tint,
    shade,
    group: Group.outfit,
    mask: shown,
  });
  const jacket = outfitMask('jacket');
  const hoodie = outfitMask('hoodie');
  const uniform = outfitMask('uniform');
  pieces.push(
    outfit(front(0.1, 0.3, 1.12), Tint.accent, jacket),
    outfit(front(0.05, 0.3, 1.13, -0.07, 0.3), Tint.outfit, jacket, 0.75),
    outfit(front(0.05, 0.3, 1.13, 0.07, -0.3), Tint.outfit, jacket, 0.75),
    outfit(front(0.26, 0.12, 0.9), Tint.outfit, hoodie, 0.8),
    outfit(front(0.012, 0.14, 1.2, -0.04), Tint.accent, hoodie),
    outfit(front(0.012, 0.14, 1.2, 0.04), Tint.accent, hoodie),
    outfit(front(0.05, 0.24, 1.14).translate(0, 0, 0.004), Tint.accent, uniform),
    outfit(new BoxGeometry(0.12, 0.03, 0.12).translate(-0.21, 1.24, 0), Tint.accent, uniform),
    outfit(new BoxGeometry(0.12, 0.03, 0.12).translate(0.21, 1.24, 0), Tint.accent, uniform),
    outfit(
      new TorusGeometry(0.072, 0.018, 4, 12).rotateX(Math.PI / 2).translate(0, 1.29, 0),
      Tint.fixed,
      uniform,
      '#f2efe8',
    ),
    ...[0.98, 0.9].map((y) =>
      outfit(new SphereGeometry(0.016, 6, 4).translate(0.06, y, 0.152), Tint.fixed, uniform, '#d9b26a'),
    ),
  );
  // A badge worn on the left of the chest: a disc on a short ribbon, in the prize's colour.
  pieces.push(
    {
      geometry: new CylinderGeometry(0.05, 0.05, 0.018, 16).rotateX(Math.PI / 2).translate(0.11, 1.17, 0.152),
      part: Part.trunk,
      tint: Tint.wear,
      group: Group.wear,
      mask: wearMask('badge'),
    },
    {
      geometry: new CylinderGeometry(0.03, 0.03, 0.022, 12).rotateX(Math.PI / 2).translate(0.11, 1.17, 0.154),
      part: Part.trunk,
      tint: Tint.fixed,
      shade: '#fff6d8',
      group: Group.wear,
      mask: wearMask('badge'),
    },
  );
  return pieces;
}

/** The whole body in one geometry: every part, outfit, hair style and wearable, shown or hidden per instance. */
export function createAvatarGeometry(detail: AvatarDetail = 'near'): BufferGeometry {
  const near = detail === 'near';
  const pieces = [...legs(near), ...arms(near), ...trunk(near), ...head(near)];
  const merged = mergeGeometries(pieces.map(tag));
  if (!merged) throw new Error('Layover: could not build the avatar body');
  return merged;
}

/** A soft round contact shadow, lying flat. */
export function createShadowGeometry(): BufferGeometry {
  return new CircleGeometry(0.42, 24).rotateX(-Math.PI / 2);
}
