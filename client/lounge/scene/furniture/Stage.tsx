import { useMemo } from 'react';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { themeForRoom } from '../roomTheme.ts';
import type { FurnitureProps } from './furnitureProps.ts';
import { PlaceSign } from './PlaceSign.tsx';

/** The event stage: a walnut platform with a glowing edge, a microphone, two speakers and its sign behind. */
export function Stage({ box }: FurnitureProps) {
  const edgeGlow = useMemo(() => glowMaterial('#ffb86b', 1.2), []);
  // In an event hall the big screen hangs where the sign would: the show names the stage there.
  const hall = useLayoverStore((state) => themeForRoom(state.room) === 'hall');
  const top = box.h;
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={top / 2} material={materials.walnut} castShadow receiveShadow>
        <boxGeometry args={[box.w, top, box.d]} />
      </mesh>
      <mesh position-y={top + 0.01} material={materials.oak} receiveShadow>
        <boxGeometry args={[box.w - 0.1, 0.02, box.d - 0.1]} />
      </mesh>
      <mesh position={[0, top - 0.06, box.d / 2 + 0.005]} material={edgeGlow}>
        <boxGeometry args={[box.w - 0.2, 0.04, 0.01]} />
      </mesh>
      <mesh position={[-box.w / 2 - 0.005, top - 0.06, 0]} material={edgeGlow}>
        <boxGeometry args={[0.01, 0.04, box.d - 0.2]} />
      </mesh>
      <group position={[0, top, 0.4]}>
        <mesh position-y={0.02} material={materials.charcoal}>
          <cylinderGeometry args={[0.18, 0.2, 0.04, 16]} />
        </mesh>
        <mesh position-y={0.75} material={materials.charcoal}>
          <cylinderGeometry args={[0.015, 0.015, 1.5, 8]} />
        </mesh>
        <mesh position={[0, 1.52, 0.03]} rotation-x={0.5} material={materials.brass}>
          <capsuleGeometry args={[0.035, 0.1, 4, 8]} />
        </mesh>
      </group>
      {[-1, 1].map((side) => (
        <group key={side} position={[side * (box.w / 2 - 0.6), top, -box.d / 2 + 0.6]}>
          <mesh position-y={0.6} material={materials.charcoal} castShadow>
            <boxGeometry args={[0.7, 1.2, 0.6]} />
          </mesh>
          <mesh position={[0, 0.8, 0.31]} material={materials.screen}>
            <circleGeometry args={[0.22, 20]} />
          </mesh>
          <mesh position={[0, 0.32, 0.31]} material={materials.screen}>
            <circleGeometry args={[0.12, 16]} />
          </mesh>
        </group>
      ))}
      {!hall && <PlaceSign place="stage" position={[0, 2.55, -box.d / 2 - 0.15]} width={4} hung />}
    </group>
  );
}
