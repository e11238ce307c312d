import { materials } from '../../../core/scene/palette.ts';

export interface SofaProps {
  length: number;
  depth: number;
  height: number;
}

/** A leather sofa facing +z in its own frame: base, back, arms and seat cushions. */
export function Sofa({ length, depth, height }: SofaProps) {
  const arm = 0.22;
  const seatLength = length - arm * 2;
  const cushions = Math.max(1, Math.round(seatLength / 1.2));
  const cushionLength = seatLength / cushions;
  return (
    <group>
      <mesh position={[0, 0.06, 0]} material={materials.walnut}>
        <boxGeometry args={[length - 0.1, 0.12, depth - 0.1]} />
      </mesh>
      <mesh position={[0, 0.26, 0.02]} material={materials.leather} castShadow receiveShadow>
        <boxGeometry args={[length, 0.28, depth - 0.04]} />
      </mesh>
      <mesh position={[0, height / 2 + 0.05, -depth / 2 + 0.13]} material={materials.leather} castShadow>
        <boxGeometry args={[length, height - 0.1, 0.26]} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh
          key={side}
          position={[side * (length / 2 - arm / 2), 0.36, 0.02]}
          material={materials.leather}
          castShadow
        >
          <boxGeometry args={[arm, 0.5, depth - 0.04]} />
        </mesh>
      ))}
      {Array.from({ length: cushions }, (_, index) => (
        <mesh
          key={index}
          position={[-seatLength / 2 + cushionLength * (index + 0.5), 0.46, 0.1]}
          material={materials.caramel}
          castShadow
          receiveShadow
        >
          <boxGeometry args={[cushionLength - 0.05, 0.13, depth - 0.36]} />
        </mesh>
      ))}
    </group>
  );
}
