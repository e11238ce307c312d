import { palette } from '../../core/scene/palette.ts';

const HALF_PI = Math.PI / 2;

export interface RugProps {
  x: number;
  z: number;
  w: number;
  d: number;
  color: string;
}

/** A flat rug with a brass-coloured border; purely visual, walked over. */
export function Rug({ x, z, w, d, color }: RugProps) {
  return (
    <group position={[x, 0, z]}>
      <mesh rotation-x={-HALF_PI} position-y={0.004} receiveShadow>
        <planeGeometry args={[w + 0.4, d + 0.4]} />
        <meshStandardMaterial color={palette.rugBorder} roughness={0.95} />
      </mesh>
      <mesh rotation-x={-HALF_PI} position-y={0.008} receiveShadow>
        <planeGeometry args={[w, d]} />
        <meshStandardMaterial color={color} roughness={1} />
      </mesh>
    </group>
  );
}
