import { TorusGeometry } from 'three';
import { MODEL_SPECS } from '../../client/lounge/scene/models/modelSpecs.ts';
import type { ModelDocument, Part } from './document.ts';
import { lathe, place, post } from './geometry.ts';
import { MODEL_MATERIALS as M } from './materials.ts';

const { height: H, width: W } = MODEL_SPECS.barStool.nodes.Stool;
const SEAT = H - 0.1;
const RING_Y = 0.3;
const RING_RADIUS = 0.15;

/** A bar stool: domed brass foot, brass stem and foot ring on four spokes, walnut pan and a rounded hide seat. */
export async function buildBarStool(model: ModelDocument): Promise<void> {
  const spokes: Part[] = [0, 1, 2, 3].map((quarter) => ({
    // Laid flat along z, then turned to its quarter.
    geometry: post(0.008, 0.008, RING_RADIUS, 6)
      .rotateX(Math.PI / 2)
      .rotateY((quarter * Math.PI) / 2 + Math.PI / 4)
      .translate(0, RING_Y, 0),
    material: M.brass,
  }));
  await model.addNode('Stool', [
    {
      geometry: lathe(
        [
          [0, 0],
          [0.19, 0],
          [0.2, 0.012],
          [0.14, 0.035],
          [0.05, 0.05],
          [0.035, 0.06],
          [0, 0.06],
        ],
        12,
      ),
      material: M.brass,
    },
    { geometry: post(0.028, 0.032, SEAT - 0.02), material: M.brass },
    {
      geometry: place(new TorusGeometry(RING_RADIUS, 0.012, 5, 20), {
        position: [0, RING_Y, 0],
        rotation: [Math.PI / 2, 0, 0],
      }),
      material: M.brass,
    },
    ...spokes,
    { geometry: place(post(0.16, 0.12, 0.03, 16), { position: [0, SEAT - 0.03, 0] }), material: M.walnut },
    {
      geometry: lathe([
        [0, SEAT],
        [W / 2 - 0.02, SEAT],
        [W / 2, SEAT + 0.025],
        [W / 2 - 0.005, SEAT + 0.065],
        [W / 2 - 0.04, SEAT + 0.095],
        [0.1, H],
        [0, H],
      ]),
      material: M.leatherHide,
    },
  ]);
}
