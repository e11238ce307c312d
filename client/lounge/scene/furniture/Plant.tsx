import { ModelPiece } from '../models/ModelPiece.tsx';
import { MODEL_SPECS } from '../models/modelSpecs.ts';
import { useModelParts } from '../models/useModelParts.ts';
import type { FurnitureProps } from './furnitureProps.ts';

const AUTHORED = MODEL_SPECS.plant.nodes.Plant;

/** A potted plant (assets/models/plant.glb) filling its layout box. */
export function Plant({ box }: FurnitureProps) {
  const parts = useModelParts('plant', 'Plant');
  const across = Math.min(box.w / AUTHORED.width, box.d / AUTHORED.depth);
  return (
    <ModelPiece
      parts={parts}
      position={[box.x, 0, box.z]}
      scale={[across, box.h / AUTHORED.height, across]}
    />
  );
}
