import { materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

/** A square column with brass collars at base and head. */
export function Pillar({ box }: FurnitureProps) {
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={box.h / 2} material={materials.cream} castShadow receiveShadow>
        <boxGeometry args={[box.w * 0.9, box.h, box.d * 0.9]} />
      </mesh>
      <mesh position-y={0.15} material={materials.walnut} castShadow>
        <boxGeometry args={[box.w, 0.3, box.d]} />
      </mesh>
      <mesh position-y={0.32} material={materials.brass}>
        <boxGeometry args={[box.w + 0.01, 0.04, box.d + 0.01]} />
      </mesh>
      <mesh position-y={box.h - 0.15} material={materials.brass}>
        <boxGeometry args={[box.w, 0.12, box.d]} />
      </mesh>
      <mesh position-y={2.6} material={materials.warmGlow}>
        <boxGeometry args={[box.w * 0.92, 0.08, box.d * 0.92]} />
      </mesh>
    </group>
  );
}
