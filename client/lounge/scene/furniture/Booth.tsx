import { type BoxSpec, InstancedBoxes } from '../../../core/scene/InstancedBoxes.tsx';
import { materials } from '../../../core/scene/palette.ts';
import type { FurnitureProps } from './furnitureProps.ts';

/** A U-shaped leather booth around a walnut table with a lamp, its open side facing the room. */
export function Booth({ box }: FurnitureProps) {
  const W = box.w;
  const D = box.d;
  // Booths on the south wall open to the north, on the north wall to the south.
  const facing = box.z > 0 ? Math.PI : 0;
  const seat = 0.45;
  const back = 0.18;
  const upholstery: BoxSpec[] = [
    [0, seat / 2, -D / 2 + 0.3, W, seat, 0.6],
    [0, 0.85, -D / 2 + back / 2, W, box.h - seat, back],
    ...[-1, 1].flatMap((side): BoxSpec[] => [
      [side * (W / 2 - 0.3), seat / 2, 0.3, 0.6, seat, D - 0.6],
      [side * (W / 2 - back / 2), 0.85, 0, back, box.h - seat, D],
    ]),
  ];
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <InstancedBoxes boxes={upholstery} material={materials.burgundy} castShadow receiveShadow />
      <mesh position={[0, 0.74, 0.2]} material={materials.walnut} castShadow receiveShadow>
        <boxGeometry args={[W - 1.5, 0.05, D - 1.2]} />
      </mesh>
      <mesh position={[0, 0.37, 0.2]} material={materials.brass}>
        <cylinderGeometry args={[0.05, 0.18, 0.72, 10]} />
      </mesh>
      <mesh position={[0, 0.9, 0.2]} material={materials.warmGlow}>
        <cylinderGeometry args={[0.08, 0.12, 0.24, 10]} />
      </mesh>
    </group>
  );
}
