import { ModelPiece } from '../models/ModelPiece.tsx';
import { MODEL_SPECS } from '../models/modelSpecs.ts';
import { useModelParts } from '../models/useModelParts.ts';

export interface SofaProps {
  length: number;
  depth: number;
  height: number;
}

const { Arm, Frame } = MODEL_SPECS.sofa.nodes;
/** How long one seat cushion is, about. */
const CUSHION = 1.2;
const GAP = 0.03;

/** A leather sofa facing +z in its own frame (assets/models/sofa.glb): rolled arms, a frame and seat cushions. */
export function Sofa({ length, depth, height }: SofaProps) {
  const arm = useModelParts('sofa', 'Arm');
  const frame = useModelParts('sofa', 'Frame');
  const cushion = useModelParts('sofa', 'Cushion');
  const seatLength = length - Arm.width * 2;
  const cushions = Math.max(1, Math.round(seatLength / CUSHION));
  const cushionLength = seatLength / cushions;
  const stretched = (along: number): [number, number, number] => [
    along,
    height / Frame.height,
    depth / Frame.depth,
  ];
  return (
    <group>
      {[-1, 1].map((side) => (
        <ModelPiece
          key={side}
          parts={arm}
          position-x={side * (length / 2 - Arm.width / 2)}
          scale={stretched(1)}
        />
      ))}
      {/* The frame runs a little into the arms, so no seam shows between them. */}
      <ModelPiece parts={frame} scale={stretched(seatLength + 0.04)} />
      {Array.from({ length: cushions }, (_, index) => (
        <ModelPiece
          key={index}
          parts={cushion}
          position-x={-seatLength / 2 + cushionLength * (index + 0.5)}
          scale={stretched(cushionLength - GAP)}
        />
      ))}
    </group>
  );
}
