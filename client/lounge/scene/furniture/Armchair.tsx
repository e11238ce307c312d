import { materials } from '../../../core/scene/palette.ts';

export interface ArmchairProps {
  height: number;
}

/** A teal club chair facing +z in its own frame. */
export function Armchair({ height }: ArmchairProps) {
  return (
    <group>
      <mesh position-y={0.24} material={materials.teal} castShadow receiveShadow>
        <boxGeometry args={[0.8, 0.3, 0.78]} />
      </mesh>
      <mesh position={[0, height / 2 + 0.06, -0.3]} material={materials.teal} castShadow>
        <boxGeometry args={[0.8, height - 0.1, 0.2]} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[side * 0.36, 0.42, 0.02]} material={materials.tealDeep} castShadow>
          <boxGeometry args={[0.12, 0.26, 0.72]} />
        </mesh>
      ))}
      <mesh position={[0, 0.42, 0.08]} material={materials.cream} castShadow>
        <boxGeometry args={[0.58, 0.08, 0.56]} />
      </mesh>
      <mesh position-y={0.045} material={materials.walnut}>
        <boxGeometry args={[0.72, 0.09, 0.7]} />
      </mesh>
    </group>
  );
}
