import { materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

/** A freestanding wall: cream with a walnut base. */
export function Partition({ box }: FurnitureProps) {
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={box.h / 2} material={materials.cream} castShadow receiveShadow>
        <boxGeometry args={[box.w, box.h, box.d]} />
      </mesh>
      <mesh position-y={0.1} material={materials.walnut}>
        <boxGeometry args={[box.w + 0.02, 0.2, box.d + 0.02]} />
      </mesh>
    </group>
  );
}
