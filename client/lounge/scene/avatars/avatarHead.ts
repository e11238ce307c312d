import { type BufferGeometry, CylinderGeometry, SphereGeometry, TorusGeometry } from 'three';
import { capsule, Group, HEAD_Y, hairMask, Part, type Piece, Tint, wearMask } from './avatarParts.ts';

/** A spherical cap of radius r over the top of the head, tilted back by `tilt` so it sits lower at the nape. */
const hairCap = (r: number, theta: number, tilt: number, w: number, h: number) =>
  new SphereGeometry(r, w, h, 0, Math.PI * 2, 0, theta).rotateX(-tilt).translate(0, HEAD_Y, -0.01);

/** Head with a face on its +z side (so heading shows at a glance), each hair style, and a cap when one is worn. */
export function head(near: boolean): Piece[] {
  const [w, h] = near ? [16, 10] : [8, 6];
  const feature = (geometry: BufferGeometry, tint: Tint, shade?: number | string): Piece => ({
    geometry,
    part: Part.head,
    tint,
    shade,
  });
  const hair = (geometry: BufferGeometry, mask: number, shade = 1): Piece => ({
    geometry,
    part: Part.head,
    tint: Tint.hair,
    shade,
    group: Group.hair,
    mask,
  });
  const pieces: Piece[] = [
    feature(new SphereGeometry(0.2, w, h).scale(1, 1.03, 1).translate(0, HEAD_Y, 0), Tint.skin),
    ...[-0.07, 0.07].map((x) =>
      feature(
        new SphereGeometry(0.028, near ? 6 : 4, near ? 4 : 3)
          .scale(1, 1.3, 0.6)
          .translate(x, HEAD_Y + 0.02, 0.183),
        Tint.fixed,
        '#1c1a1f',
      ),
    ),
    hair(
      hairCap(0.218, 1.25, 0.4, w, h / 2),
      near ? hairMask('short', 'bun') : hairMask('short', 'bun', 'curly'),
    ),
    hair(hairCap(0.228, 1.95, 0.5, w, near ? 8 : 5), hairMask('bob', 'long')),
    hair(
      new SphereGeometry(0.09, near ? 10 : 5, near ? 8 : 4).translate(0, HEAD_Y + 0.18, -0.1),
      hairMask('bun'),
    ),
    hair(
      capsule(0.17, 0.2, near ? 3 : 1, w)
        .scale(1, 1, 0.35)
        .translate(0, HEAD_Y - 0.17, -0.17),
      hairMask('long'),
    ),
    {
      geometry: hairCap(0.242, 1.3, 0.18, w, h / 2),
      part: Part.head,
      tint: Tint.wear,
      group: Group.wear,
      mask: wearMask('cap'),
    },
    {
      geometry: new CylinderGeometry(0.14, 0.14, 0.014, near ? 12 : 6)
        .scale(1, 1, 0.85)
        .translate(0, HEAD_Y + 0.1, 0.17),
      part: Part.head,
      tint: Tint.wear,
      shade: 0.8,
      group: Group.wear,
      mask: wearMask('cap'),
    },
  ];
  if (!near) return pieces;
  pieces.push(hair(hairCap(0.221, 1.3, 0.35, w, h / 2), hairMask('curly')));
  // Curls: small lumps around the crown and the back of the head.
  for (let i = 0; i < 9; i++) {
    const angle = Math.PI * 0.3 + (i / 8) * Math.PI * 1.4;
    const x = Math.sin(angle) * 0.19;
    const z = Math.cos(angle) * 0.19 - 0.02;
    const y = HEAD_Y + 0.08 + (i % 2) * 0.05;
    pieces.push(hair(new SphereGeometry(0.07, 6, 4).translate(x, y, z), hairMask('curly'), i % 2 ? 0.9 : 1));
  }
  pieces.push(
    feature(new SphereGeometry(0.026, 6, 4).translate(0, HEAD_Y - 0.025, 0.2), Tint.skin, 0.94),
    feature(
      new TorusGeometry(0.035, 0.009, 4, 10, Math.PI)
        .rotateZ(Math.PI)
        .rotateX(0.3)
        .translate(0, HEAD_Y - 0.06, 0.186),
      Tint.fixed,
      '#7a3b34',
    ),
    ...[-0.2, 0.2].map((x) =>
      feature(new SphereGeometry(0.04, 6, 4).scale(0.6, 1, 1).translate(x, HEAD_Y, 0), Tint.skin, 0.93),
    ),
  );
  return pieces;
}
