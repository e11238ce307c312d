import { MeshStandardMaterial } from 'three';
import { type BoxSpec, InstancedBoxes } from '../../../core/scene/InstancedBoxes.tsx';
import { materials } from '../../../core/scene/palette.ts';
import { shellOf } from '../roomShell.ts';
import { useRoomLayout } from '../useRoomLayout.ts';
import { BarStools } from './BarStools.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { PlaceSign } from './PlaceSign.tsx';

const bottleGlass = [
  new MeshStandardMaterial({ color: '#2f6b3a', roughness: 0.15, metalness: 0.1 }),
  new MeshStandardMaterial({ color: '#8a4b1f', roughness: 0.15, metalness: 0.1 }),
  new MeshStandardMaterial({ color: '#d9dfe6', roughness: 0.1, metalness: 0.2 }),
];

function bottleRows(wallX: number, z0: number, length: number, group: number): BoxSpec[] {
  const bottles: BoxSpec[] = [];
  for (const shelfY of [1.55, 2.1, 2.65]) {
    for (let z = z0 - length / 2 + 0.3 + group * 0.12; z < z0 + length / 2 - 0.2; z += 0.36) {
      bottles.push([wallX + 0.2, shelfY + 0.17, z, 0.1, 0.34, 0.1]);
    }
  }
  return bottles;
}

/** The bar: walnut counter with a marble top and brass foot rail, stools, a back bar of bottles and its sign. */
export function Bar({ box }: FurnitureProps) {
  // The back bar stands on the room's west wall, wherever that is in this room's plan.
  const wallX = shellOf(useRoomLayout()).minX;
  // The counter faces the room (east); stools sit inside the box so what you see is what you bump into.
  const counterWidth = box.w * 0.55;
  const counterX = box.x - box.w / 2 + counterWidth / 2 + 0.05;
  const frontX = counterX + counterWidth / 2;
  return (
    <group>
      <mesh
        position={[counterX, box.h / 2 - 0.03, box.z]}
        material={materials.walnut}
        castShadow
        receiveShadow
      >
        <boxGeometry args={[counterWidth, box.h - 0.06, box.d - 0.1]} />
      </mesh>
      <mesh
        position={[counterX + 0.06, box.h - 0.03, box.z]}
        material={materials.marble}
        castShadow
        receiveShadow
      >
        <boxGeometry args={[counterWidth + 0.22, 0.06, box.d]} />
      </mesh>
      <mesh position={[frontX + 0.09, 0.22, box.z]} material={materials.brass}>
        <boxGeometry args={[0.05, 0.05, box.d - 0.3]} />
      </mesh>
      <mesh position={[frontX + 0.005, 0.6, box.z]} material={materials.warmGlow}>
        <boxGeometry args={[0.01, 0.05, box.d - 0.3]} />
      </mesh>
      <BarStools x={box.x + box.w / 2 - 0.28} z={box.z} length={box.d} />
      {/* Hung across the counter's south end, where the room's usual view (facing north) reads it. */}
      <PlaceSign
        place="bar"
        position={[counterX, 3.2, box.z + box.d / 2 - 0.4]}
        width={2.6}
        height={0.7}
        hung
        twoSided
      />
      <group>
        <mesh position={[wallX + 0.17, 2.1, box.z]} material={materials.walnut} receiveShadow>
          <boxGeometry args={[0.14, 2.6, box.d]} />
        </mesh>
        <InstancedBoxes
          boxes={[1.52, 2.07, 2.62].map((y): BoxSpec => [wallX + 0.22, y, box.z, 0.3, 0.04, box.d - 0.2])}
          material={materials.oak}
        />
        {bottleGlass.map((glass, group) => (
          <InstancedBoxes key={group} boxes={bottleRows(wallX, box.z, box.d, group)} material={glass} />
        ))}
        <mesh position={[wallX + 0.28, 3.2, box.z]} material={materials.warmGlow}>
          <boxGeometry args={[0.05, 0.06, box.d - 0.4]} />
        </mesh>
      </group>
    </group>
  );
}
