import { useMemo } from 'react';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

/** The open way back to the main lounge: a brass frame around a warmly lit doorway (its sign hangs above). */
export function ExitDoor({ box }: FurnitureProps) {
  const doorway = useMemo(() => glowMaterial('#ffd58a', 0.9), []);
  const alongZ = box.d > box.w;
  // A door on a side wall faces across the room; one on the south wall faces north.
  const facing = alongZ ? (box.x > 0 ? -Math.PI / 2 : Math.PI / 2) : box.z > 0 ? Math.PI : 0;
  const width = alongZ ? box.d : box.w;
  const height = Math.min(box.h, 2.8);
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <mesh position={[0, height / 2, -0.05]} material={materials.brass} castShadow>
        <boxGeometry args={[width, height, 0.1]} />
      </mesh>
      <mesh position={[0, (height - 0.1) / 2, 0.005]} material={doorway}>
        <planeGeometry args={[width - 0.2, height - 0.16]} />
      </mesh>
      <mesh position={[0, 0.01, 0.6]} rotation-x={-Math.PI / 2} material={materials.burgundy} receiveShadow>
        <planeGeometry args={[width, 1.1]} />
      </mesh>
    </group>
  );
}
