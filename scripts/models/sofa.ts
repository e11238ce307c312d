import { Shape } from 'three';
import { MODEL_SPECS } from '../../client/lounge/scene/models/modelSpecs.ts';
import type { ModelDocument } from './document.ts';
import { extrudeAcross, place, post, roundedBox } from './geometry.ts';
import { MODEL_MATERIALS as M } from './materials.ts';

const { Arm, Frame, Cushion } = MODEL_SPECS.sofa.nodes;
const BEVEL = 0.04;
const FOOT = 0.1;

/**
 * The rolled arm's side profile (shape x is world -z, shape y is world y), inset by the bevel: a panel that rises
 * from the feet and rolls outward at the top, a little lower at the front.
 */
function armProfile(): Shape {
  const half = Arm.depth / 2 - BEVEL;
  const bottom = FOOT + BEVEL;
  const top = Arm.height - BEVEL;
  const shape = new Shape();
  shape.moveTo(-half, bottom);
  shape.lineTo(half, bottom);
  shape.lineTo(half, top - 0.12);
  shape.quadraticCurveTo(half, top, half - 0.12, top);
  shape.lineTo(-half + 0.16, top - 0.03);
  shape.quadraticCurveTo(-half - 0.02, top - 0.05, -half, top - 0.2);
  shape.closePath();
  return shape;
}

/** A leather sofa in three parts the lounge assembles to any length: rolled arms, a stretched frame, seat cushions. */
export async function buildSofa(model: ModelDocument): Promise<void> {
  const feet = [-1, 1].map((side) => ({
    geometry: place(post(0.03, 0.022, FOOT), { position: [0, 0, side * (Arm.depth / 2 - 0.1)] }),
    material: M.brass,
  }));
  await model.addNode('Arm', [
    { geometry: extrudeAcross(armProfile(), Arm.width, BEVEL), material: M.leatherHide },
    ...feet,
  ]);

  const depth = Frame.depth - 0.04;
  await model.addNode('Frame', [
    {
      geometry: place(roundedBox(Frame.width, 0.26, depth, 0.05), { position: [0, FOOT + 0.13, 0] }),
      material: M.leatherHide,
    },
    {
      geometry: place(roundedBox(Frame.width, Frame.height - FOOT - 0.2, 0.24, 0.08), {
        position: [0, (Frame.height + FOOT + 0.2) / 2 - 0.02, -depth / 2 + 0.12],
        rotation: [-0.06, 0, 0],
      }),
      material: M.leatherHide,
    },
    {
      geometry: place(roundedBox(Frame.width, FOOT, depth - 0.16, 0.01, 1), { position: [0, FOOT / 2, 0] }),
      material: M.walnut,
    },
  ]);

  const front = Frame.depth / 2 - 0.04;
  const seatDepth = Cushion.depth - 0.2;
  await model.addNode('Cushion', [
    {
      geometry: place(roundedBox(Cushion.width, 0.15, seatDepth, 0.06), {
        position: [0, FOOT + 0.26 + 0.07, front - seatDepth / 2],
      }),
      material: M.caramelHide,
    },
    {
      geometry: place(roundedBox(Cushion.width, 0.38, 0.18, 0.07), {
        position: [0, 0.6, front - Cushion.depth + 0.09],
        rotation: [-0.22, 0, 0],
      }),
      material: M.caramelHide,
    },
  ]);
}
