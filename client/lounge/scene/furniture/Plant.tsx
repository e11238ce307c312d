import { materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

const LEAVES = [
  [0, 0.95, 0, 0.42],
  [0.18, 1.2, 0.1, 0.32],
  [-0.16, 1.28, -0.08, 0.3],
  [0.02, 1.48, -0.02, 0.24],
] as const;

/** A potted plant: terracotta pot, soil and a few faceted leaf clusters. */
export function Plant({ box }: FurnitureProps) {
  const scale = Math.min(box.w, box.d);
  const heightScale = box.h / 1.6;
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={0.3} material={materials.terracotta} castShadow receiveShadow>
        <cylinderGeometry args={[0.34 * scale, 0.26 * scale, 0.6, 20]} />
      </mesh>
      <mesh position-y={0.6} material={materials.walnut}>
        <cylinderGeometry args={[0.31 * scale, 0.31 * scale, 0.02, 20]} />
      </mesh>
      <group scale={[scale, heightScale, scale]}>
        {LEAVES.map(([x, y, z, r], index) => (
          <mesh
            key={index}
            position={[x, y, z]}
            material={index % 2 ? materials.plantDark : materials.plant}
            castShadow
          >
            <icosahedronGeometry args={[r, 0]} />
          </mesh>
        ))}
      </group>
    </group>
  );
}
