import { useMemo } from 'react';
import { MeshStandardMaterial } from 'three';
import { materials } from '../../../core/scene/palette.ts';

export interface BartenderProps {
  /** Where the bartender stands, behind the counter, facing +x (the room). */
  x: number;
  z: number;
}

/** The VIP bar's bartender: a still figure in a white shirt and dark waistcoat, so the bar reads as one that serves. */
export function Bartender({ x, z }: BartenderProps) {
  const shirt = useMemo(() => new MeshStandardMaterial({ color: '#f4f1ea', roughness: 0.7 }), []);
  const skin = useMemo(() => new MeshStandardMaterial({ color: '#c98d66', roughness: 0.8 }), []);
  return (
    <group position={[x, 0, z]} rotation-y={Math.PI / 2}>
      <mesh position-y={0.5} material={materials.charcoal}>
        <cylinderGeometry args={[0.16, 0.14, 1, 10]} />
      </mesh>
      <mesh position-y={1.3} material={shirt} castShadow>
        <capsuleGeometry args={[0.21, 0.4, 4, 10]} />
      </mesh>
      <mesh position={[0, 1.32, 0.1]} material={materials.charcoal}>
        <boxGeometry args={[0.36, 0.5, 0.2]} />
      </mesh>
      <mesh position-y={1.82} material={skin}>
        <sphereGeometry args={[0.15, 14, 10]} />
      </mesh>
      <mesh position={[0, 1.56, 0.19]} material={materials.burgundy}>
        <boxGeometry args={[0.14, 0.05, 0.03]} />
      </mesh>
    </group>
  );
}
