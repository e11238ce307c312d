import { DoubleSide, MeshStandardMaterial } from 'three';
import { palette } from '../../core/scene/palette.ts';
import { ROOM, WALL_HEIGHT } from './dimensions.ts';
import { type BoxSpec, InstancedBoxes } from './InstancedBoxes.tsx';

const PANE = 2.5;
const frame = new MeshStandardMaterial({ color: palette.mullion, roughness: 0.4, metalness: 0.6 });

function frameBoxes(): BoxSpec[] {
  const z = ROOM.minZ;
  const boxes: BoxSpec[] = [];
  for (let x = ROOM.minX; x <= ROOM.maxX + 0.01; x += PANE) {
    boxes.push([x, WALL_HEIGHT / 2, z, 0.12, WALL_HEIGHT, 0.22]);
  }
  boxes.push([ROOM.centerX, WALL_HEIGHT - 0.12, z, ROOM.width, 0.24, 0.3]);
  boxes.push([ROOM.centerX, 0.06, z, ROOM.width, 0.12, 0.36]);
  boxes.push([ROOM.centerX, 2.9, z, ROOM.width, 0.06, 0.12]);
  return boxes;
}

const FRAME_BOXES = frameBoxes();

/** Floor-to-ceiling glazing on the north wall, looking out onto the apron and runway. */
export function WindowWall() {
  return (
    <group>
      <InstancedBoxes boxes={FRAME_BOXES} material={frame} castShadow />
      <mesh position={[ROOM.centerX, WALL_HEIGHT / 2, ROOM.minZ]} renderOrder={2}>
        <planeGeometry args={[ROOM.width, WALL_HEIGHT]} />
        <meshStandardMaterial
          color={palette.glass}
          transparent
          opacity={0.14}
          roughness={0.05}
          metalness={0.1}
          depthWrite={false}
          side={DoubleSide}
        />
      </mesh>
    </group>
  );
}
