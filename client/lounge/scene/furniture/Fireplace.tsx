import { useMemo } from 'react';
import { type BoxSpec, InstancedBoxes } from '../../../core/scene/InstancedBoxes.tsx';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

/** A stone chimney breast on a wall with a lit firebox, a walnut mantle and brass trim: the VIP's feature wall. */
export function Fireplace({ box }: FurnitureProps) {
  const fire = useMemo(() => glowMaterial('#ff8a2a', 2.2), []);
  const embers = useMemo(() => glowMaterial('#ffcf6b', 2.6), []);
  const stone = useMemo(() => glowMaterial('#6b625a', 0.02), []);
  // On the east wall it faces west, on the west wall east; local +z looks into the room.
  const facing = box.x > 0 ? -Math.PI / 2 : Math.PI / 2;
  const width = box.d;
  const depth = box.w;
  const front = depth / 2;
  const logs: BoxSpec[] = [-0.3, 0, 0.3].map((x, i) => [
    x,
    0.28,
    front - 0.35,
    0.55,
    0.12,
    0.14,
    0.4 * (i - 1),
  ]);
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <mesh position-y={box.h / 2} material={stone} castShadow receiveShadow>
        <boxGeometry args={[width, box.h, depth]} />
      </mesh>
      <mesh position={[0, 0.6, front + 0.005]} material={materials.charcoal}>
        <planeGeometry args={[1.7, 1.1]} />
      </mesh>
      <mesh position={[0, 0.55, front - 0.2]} material={fire}>
        <boxGeometry args={[1.3, 0.5, 0.05]} />
      </mesh>
      <mesh position={[0, 0.2, front - 0.2]} material={embers}>
        <boxGeometry args={[1.2, 0.08, 0.3]} />
      </mesh>
      <InstancedBoxes boxes={logs} material={materials.walnut} />
      <mesh position={[0, 1.32, front + 0.12]} material={materials.walnut} castShadow>
        <boxGeometry args={[width * 0.72, 0.12, 0.3]} />
      </mesh>
      <mesh position={[0, 1.2, front + 0.02]} material={materials.brass}>
        <boxGeometry args={[1.9, 0.05, 0.04]} />
      </mesh>
      <mesh position={[0, 0.04, front + 0.35]} material={materials.marble} receiveShadow>
        <boxGeometry args={[2.2, 0.08, 0.7]} />
      </mesh>
    </group>
  );
}
