import type { ThreeElements } from '@react-three/fiber';
import type { ModelPart } from './modelParts.ts';

export type ModelPieceProps = ThreeElements['group'] & {
  parts: ModelPart[];
  castShadow?: boolean;
  receiveShadow?: boolean;
};

/** One placed copy of a model node: a mesh per part, left for the scenery's merge to fold into shared draw calls. */
export function ModelPiece({ parts, castShadow = true, receiveShadow = true, ...group }: ModelPieceProps) {
  return (
    <group {...group}>
      {parts.map((part) => (
        <mesh
          key={part.material.uuid}
          geometry={part.geometry}
          material={part.material}
          castShadow={castShadow}
          receiveShadow={receiveShadow}
        />
      ))}
    </group>
  );
}
