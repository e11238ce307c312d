import { type BufferGeometry, Shape } from 'three';
import { MODEL_SPECS } from '../../client/lounge/scene/models/modelSpecs.ts';
import type { ModelDocument, Part } from './document.ts';
import { extrudeUp, place, post, roundedBox } from './geometry.ts';
import { MODEL_MATERIALS as M } from './materials.ts';

const { width: W, depth: D, height: H } = MODEL_SPECS.armchair.nodes.Chair;
const BEVEL = 0.035;
const ARM = 0.13;
const BACK = 0.16;
/** Where the arms end (front) and the back begins, in z. */
const FRONT = D / 2 - 0.02;
const REAR = -D / 2;

/**
 * The tub's wall in plan: one U of back and arms with rounded back corners and round arm ends, inset by the bevel
 * (the extrusion's bevel grows it back). Shape x is world x, shape y is world -z.
 */
function tubPlan(): Shape {
  const o = W / 2 - BEVEL;
  const i = W / 2 - ARM + BEVEL;
  const back = -(REAR + BEVEL);
  const innerBack = -(REAR + BACK - BEVEL);
  const front = -(FRONT - ARM / 2);
  const shape = new Shape();
  shape.moveTo(o, front);
  shape.lineTo(o, back - 0.22);
  shape.quadraticCurveTo(o, back, o - 0.22, back);
  shape.lineTo(-o + 0.22, back);
  shape.quadraticCurveTo(-o, back, -o, back - 0.22);
  shape.lineTo(-o, front);
  shape.absarc(-(o + i) / 2, front, (o - i) / 2, Math.PI, 0, false);
  shape.lineTo(-i, innerBack - 0.1);
  shape.quadraticCurveTo(-i, innerBack, -i + 0.1, innerBack);
  shape.lineTo(i - 0.1, innerBack);
  shape.quadraticCurveTo(i, innerBack, i, innerBack - 0.1);
  shape.lineTo(i, front);
  shape.absarc((o + i) / 2, front, (o - i) / 2, Math.PI, 0, false);
  return shape;
}

/** Lowers the wall's top from the full back height to arm height towards the front. */
function slopeArms(geometry: BufferGeometry, bottom: number): BufferGeometry {
  const position = geometry.getAttribute('position');
  const armDrop = H - 0.6;
  for (let i = 0; i < position.count; i++) {
    const y = position.getY(i);
    if (y < bottom + 0.2) continue;
    const t = Math.min(1, Math.max(0, (position.getZ(i) - (REAR + 0.12)) / 0.32));
    position.setY(i, y - armDrop * t * t * (3 - 2 * t));
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** A tub club chair facing +z: one curved wall of back and arms, a deep seat, cream cushions, walnut legs. */
export async function buildArmchair(model: ModelDocument): Promise<void> {
  const legs: Part[] = [-1, 1].flatMap((sx) =>
    [-1, 1].flatMap((sz) => [
      {
        geometry: place(post(0.024, 0.016, 0.12), { position: [sx * 0.3, 0, sz * 0.27] }),
        material: M.walnut,
      },
      {
        geometry: place(post(0.018, 0.018, 0.025, 6), { position: [sx * 0.3, 0, sz * 0.27] }),
        material: M.brass,
      },
    ]),
  );
  const wallBottom = 0.12;
  const wall = place(extrudeUp(tubPlan(), H - wallBottom, BEVEL), { position: [0, wallBottom, 0] });
  const innerDepth = FRONT - (REAR + BACK);
  await model.addNode('Chair', [
    ...legs,
    { geometry: slopeArms(wall, wallBottom), material: M.tealFabric },
    {
      // Mostly inside the wall: the plainest rounding.
      geometry: place(roundedBox(W - 0.04, 0.24, D - 0.06, 0.05, 1), { position: [0, 0.24, 0] }),
      material: M.tealFabric,
    },
    {
      geometry: place(roundedBox(W - 2 * ARM - 0.01, 0.11, innerDepth, 0.045), {
        position: [0, 0.41, FRONT - innerDepth / 2],
      }),
      material: M.creamFabric,
    },
    {
      geometry: place(roundedBox(W - 2 * ARM - 0.06, 0.34, 0.12, 0.05), {
        position: [0, 0.63, REAR + BACK + 0.07],
        rotation: [-0.2, 0, 0],
      }),
      material: M.creamFabric,
    },
  ]);
}
