import { MeshStandardMaterial } from 'three';
import { type BoxSpec, InstancedBoxes } from '../../core/scene/InstancedBoxes.tsx';
import { palette } from '../../core/scene/palette.ts';
import { Ground } from './Ground.tsx';

const RUNWAY_Z = -95;
const RUNWAY_WIDTH = 45;
const TAXIWAY_Z = -60;

const white = new MeshStandardMaterial({ color: palette.stripe, roughness: 0.8 });
const yellow = new MeshStandardMaterial({ color: palette.taxiYellow, roughness: 0.7 });
const tower = new MeshStandardMaterial({ color: '#d9d4cb', roughness: 0.8 });
const towerGlass = new MeshStandardMaterial({ color: '#3f7d8c', roughness: 0.15, metalness: 0.4 });
const hills = new MeshStandardMaterial({ color: '#7f9f86', roughness: 1, flatShading: true });

function stripes(): BoxSpec[] {
  const boxes: BoxSpec[] = [];
  for (let x = -240; x <= 240; x += 30) boxes.push([x, 0.02, RUNWAY_Z, 14, 0.02, 0.9]);
  for (const edge of [-1, 1]) boxes.push([0, 0.02, RUNWAY_Z + edge * (RUNWAY_WIDTH / 2 - 1), 500, 0.02, 0.6]);
  // Threshold "piano keys" at the western end.
  for (let z = RUNWAY_Z - 18; z <= RUNWAY_Z + 18; z += 4) boxes.push([-215, 0.02, z, 18, 0.02, 1.8]);
  return boxes;
}

function taxiLines(): BoxSpec[] {
  return [
    [0, 0.02, TAXIWAY_Z, 500, 0.02, 0.35],
    // Lead-in line to the parked aircraft's stand.
    [6, 0.02, -34, 36, 0.02, 0.3],
    [-12, 0.02, -47, 0.3, 0.02, 26],
  ];
}

const STRIPES = stripes();
const TAXI_LINES = taxiLines();

/** What the windows look out on: apron, taxiway, runway, grass, a control tower and distant hills. */
export function Airfield() {
  return (
    <group>
      <Ground z={-150} depth={300} width={600} color={palette.grass} y={-0.12} />
      <Ground z={-33} depth={38} width={600} color={palette.apron} y={-0.06} />
      <Ground z={TAXIWAY_Z} depth={16} width={600} color={palette.tarmac} y={-0.05} />
      <Ground z={RUNWAY_Z} depth={RUNWAY_WIDTH} width={600} color={palette.runway} y={-0.05} />
      <Ground z={150} depth={300} width={600} color={palette.apron} y={-0.12} />
      <group position-y={-0.05}>
        <InstancedBoxes boxes={STRIPES} material={white} />
        <InstancedBoxes boxes={TAXI_LINES} material={yellow} />
      </group>
      <group position={[70, 0, -45]}>
        <mesh position-y={14} material={tower}>
          <cylinderGeometry args={[2.2, 3, 28, 16]} />
        </mesh>
        <mesh position-y={30} material={towerGlass}>
          <cylinderGeometry args={[5, 4, 4, 12]} />
        </mesh>
        <mesh position-y={32.6} material={tower}>
          <cylinderGeometry args={[5.6, 5.6, 1.2, 12]} />
        </mesh>
      </group>
      {[-160, -60, 40, 150].map((x, index) => (
        <mesh
          key={x}
          position={[x, -8, -270 - (index % 2) * 30]}
          scale={[60, 24 + index * 4, 30]}
          material={hills}
        >
          <icosahedronGeometry args={[1, 1]} />
        </mesh>
      ))}
    </group>
  );
}
