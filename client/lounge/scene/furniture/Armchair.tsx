import { ModelPiece } from '../models/ModelPiece.tsx';
import { MODEL_SPECS } from '../models/modelSpecs.ts';
import { useModelParts } from '../models/useModelParts.ts';

export interface ArmchairProps {
  height: number;
}

const AUTHORED = MODEL_SPECS.armchair.nodes.Chair;

/** A teal tub club chair (assets/models/armchair.glb) facing +z in its own frame, stretched to the seat's height. */
export function Armchair({ height }: ArmchairProps) {
  const parts = useModelParts('armchair', 'Chair');
  return <ModelPiece parts={parts} scale={[1, height / AUTHORED.height, 1]} />;
}
