import { BufferGeometry, Float32BufferAttribute, Vector3 } from 'three';
import { MODEL_SPECS } from '../../client/lounge/scene/models/modelSpecs.ts';
import type { ModelDocument, Part } from './document.ts';
import { lathe, place } from './geometry.ts';
import { MODEL_MATERIALS as M } from './materials.ts';

const { height: H } = MODEL_SPECS.plant.nodes.Plant;
const POT_TOP = 0.6;
const SEGMENTS = 6;

interface Leaf {
  /** Heading around the stem, radians. */
  heading: number;
  /** How far the leaf leans out from upright, radians. */
  lean: number;
  length: number;
  width: number;
  /** How much the tip hangs down, metres. */
  droop: number;
}

/**
 * One leaf: a blade along a bending spine, folded a little along its midrib, both faces (no double-sided material).
 * Narrow at the base, so the blade reads as its own stalk.
 */
function leafBlade({ heading, lean, length, width, droop }: Leaf): BufferGeometry {
  const out = new Vector3(Math.sin(heading), 0, Math.cos(heading));
  const side = new Vector3(Math.cos(heading), 0, -Math.sin(heading));
  const rows: Vector3[][] = [];
  for (let s = 0; s <= SEGMENTS; s++) {
    const t = s / SEGMENTS;
    const spine = new Vector3(0, POT_TOP - 0.04, 0)
      .addScaledVector(out, Math.sin(lean) * length * t)
      .setY(POT_TOP - 0.04 + Math.cos(lean) * length * t - droop * t * t);
    const half = (width / 2) * Math.sin(Math.PI * Math.min(1, t * 1.15)) ** 0.7;
    const fold = new Vector3(0, half * 0.35, 0);
    rows.push([
      spine.clone().addScaledVector(side, -half).add(fold),
      spine.clone(),
      spine.clone().addScaledVector(side, half).add(fold),
    ]);
  }
  const positions: number[] = [];
  const index: number[] = [];
  for (const face of [0, 1]) {
    const base = positions.length / 3;
    for (const row of rows) for (const p of row) positions.push(p.x, p.y, p.z);
    for (let s = 0; s < SEGMENTS; s++) {
      for (let c = 0; c < 2; c++) {
        const a = base + s * 3 + c;
        const [b, d, e] = [a + 1, a + 3, a + 4];
        if (face === 0) index.push(a, d, b, b, d, e);
        else index.push(a, b, d, b, e, d);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return geometry;
}

/** Three rings of leaves: tall ones in the middle, arching ones around them, low ones spilling over the rim. */
function leaves(): Leaf[] {
  const rings = [
    { count: 5, lean: 0.25, length: H - POT_TOP + 0.02, width: 0.16, droop: 0.05, turn: 0.3 },
    { count: 7, lean: 0.55, length: 0.76, width: 0.2, droop: 0.22, turn: 0 },
    { count: 8, lean: 0.95, length: 0.56, width: 0.17, droop: 0.3, turn: 0.2 },
  ];
  return rings.flatMap((ring, r) =>
    Array.from({ length: ring.count }, (_, i) => ({
      heading: ((i + ring.turn + r * 0.5) / ring.count) * Math.PI * 2,
      lean: ring.lean + 0.08 * Math.sin(i * 2.3),
      length: ring.length * (1 - 0.08 * Math.cos(i * 1.7)),
      width: ring.width,
      droop: ring.droop,
    })),
  );
}

/** A potted plant: a flared terracotta pot with a rolled rim, dark soil and twenty arching leaves in two greens. */
export async function buildPlant(model: ModelDocument): Promise<void> {
  const pot = lathe([
    [0, 0],
    [0.22, 0],
    [0.24, 0.03],
    [0.3, POT_TOP - 0.08],
    [0.33, POT_TOP - 0.06],
    [0.34, POT_TOP - 0.02],
    [0.32, POT_TOP],
    [0.3, POT_TOP - 0.02],
  ]);
  // Listed from the rim inward, so the disc faces up.
  const soil = place(
    lathe([
      [0.3, 0],
      [0, 0],
    ]),
    { position: [0, POT_TOP - 0.04, 0] },
  );
  const blades: Part[] = leaves().map((leaf, i) => ({
    geometry: leafBlade(leaf),
    material: i % 3 === 1 ? M.plantDark : M.plant,
  }));
  await model.addNode('Plant', [
    { geometry: pot, material: M.terracotta },
    { geometry: soil, material: M.walnut },
    ...blades,
  ]);
}
