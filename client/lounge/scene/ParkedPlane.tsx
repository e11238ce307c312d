import { MeshStandardMaterial } from 'three';
import { palette } from '../../core/scene/palette.ts';

const HALF_PI = Math.PI / 2;
const body = new MeshStandardMaterial({ color: palette.fuselage, roughness: 0.35, metalness: 0.15 });
const livery = new MeshStandardMaterial({ color: palette.livery, roughness: 0.4 });
const dark = new MeshStandardMaterial({ color: '#1d2630', roughness: 0.2, metalness: 0.3 });
const engine = new MeshStandardMaterial({ color: '#c9ced4', roughness: 0.3, metalness: 0.5 });
const tyre = new MeshStandardMaterial({ color: '#1b1b1b', roughness: 0.9 });
const bridge = new MeshStandardMaterial({ color: '#d6d9dc', roughness: 0.6 });

const FUSELAGE_Y = 3.4;
const RADIUS = 2;

/** A twin-engine airliner at the stand outside the windows, built from primitives, with its jet bridge. */
export function ParkedPlane() {
  return (
    <group>
      <group position={[6, 0, -34]}>
        <mesh position-y={FUSELAGE_Y} rotation-z={HALF_PI} material={body} castShadow>
          <cylinderGeometry args={[RADIUS, RADIUS, 28, 24]} />
        </mesh>
        <mesh position={[-14, FUSELAGE_Y, 0]} scale={[1.7, 1, 1]} material={body} castShadow>
          <sphereGeometry args={[RADIUS, 24, 16]} />
        </mesh>
        <mesh position={[-16.8, FUSELAGE_Y + 0.8, 0]} material={dark}>
          <boxGeometry args={[1, 0.4, 1.8]} />
        </mesh>
        <mesh position={[17.5, FUSELAGE_Y + 0.6, 0]} rotation-z={-HALF_PI} material={body} castShadow>
          <cylinderGeometry args={[0.5, RADIUS, 7, 24]} />
        </mesh>
        <mesh position={[0, FUSELAGE_Y + 0.55, 0]} material={dark}>
          <boxGeometry args={[25, 0.32, RADIUS * 2 + 0.02]} />
        </mesh>
        <mesh position={[0, FUSELAGE_Y - 0.9, 0]} material={livery}>
          <boxGeometry args={[27, 0.45, RADIUS * 2 + 0.02]} />
        </mesh>
        {[1, -1].map((side) => (
          <group key={side}>
            <mesh position={[2, 2.3, side * 8.5]} rotation-y={side * 0.32} material={body} castShadow>
              <boxGeometry args={[5, 0.35, 14]} />
            </mesh>
            <mesh position={[-0.5, 1.3, side * 6]} rotation-z={HALF_PI} material={engine} castShadow>
              <cylinderGeometry args={[0.95, 0.85, 3.6, 20]} />
            </mesh>
            <mesh
              position={[18, FUSELAGE_Y + 1.2, side * 3.6]}
              rotation-y={side * 0.3}
              material={body}
              castShadow
            >
              <boxGeometry args={[2.8, 0.25, 6]} />
            </mesh>
            <mesh position={[-9.7, 0.5, side * 0.6]} rotation-x={HALF_PI} material={tyre}>
              <cylinderGeometry args={[0.5, 0.5, 0.4, 16]} />
            </mesh>
            <mesh position={[3, 0.55, side * 2]} rotation-x={HALF_PI} material={tyre}>
              <cylinderGeometry args={[0.55, 0.55, 0.8, 16]} />
            </mesh>
          </group>
        ))}
        <mesh position={[17, FUSELAGE_Y + 3.6, 0]} rotation-z={-0.5} material={livery} castShadow>
          <boxGeometry args={[4.2, 6.5, 0.3]} />
        </mesh>
        <mesh position={[-10, FUSELAGE_Y + 0.1, RADIUS - 0.02]} material={dark}>
          <boxGeometry args={[1.1, 2, 0.1]} />
        </mesh>
      </group>
      <group position={[-4, 0, -22.8]}>
        <mesh position-y={3.4} material={bridge} castShadow>
          <boxGeometry args={[2.6, 2.6, 17]} />
        </mesh>
        <mesh position={[1.31, 3.8, 0]} material={dark}>
          <boxGeometry args={[0.02, 0.6, 16]} />
        </mesh>
        <mesh position={[0, 1.05, 3]} material={engine} castShadow>
          <boxGeometry args={[0.5, 2.1, 0.5]} />
        </mesh>
      </group>
    </group>
  );
}
