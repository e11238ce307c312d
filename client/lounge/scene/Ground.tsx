const HALF_PI = Math.PI / 2;

export interface GroundProps {
  z: number;
  depth: number;
  width: number;
  color: string;
  y: number;
}

/** A flat strip of ground outside the terminal (apron, runway, grass). */
export function Ground({ z, depth, width, color, y }: GroundProps) {
  return (
    <mesh rotation-x={-HALF_PI} position={[0, y, z]} receiveShadow>
      <planeGeometry args={[width, depth]} />
      <meshStandardMaterial color={color} roughness={1} />
    </mesh>
  );
}
