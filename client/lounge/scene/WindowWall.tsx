import { useMemo } from 'react';
import { DoubleSide, MeshStandardMaterial } from 'three';
import { type BoxSpec, InstancedBoxes } from '../../core/scene/InstancedBoxes.tsx';
import { palette } from '../../core/scene/palette.ts';
import { useLayoverStore } from '../../core/store.ts';
import { WALL_HEIGHT } from './dimensions.ts';
import { type RoomShell, shellOf } from './roomShell.ts';
import { layoutForTheme, themeForRoom } from './roomTheme.ts';

const PANE = 2.5;
const frame = new MeshStandardMaterial({ color: palette.mullion, roughness: 0.4, metalness: 0.6 });

function frameBoxes(ROOM: RoomShell): BoxSpec[] {
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

/** Floor-to-ceiling glazing on the north wall of the room's plan, looking out onto the apron and runway. */
export function WindowWall() {
  const theme = useLayoverStore((state) => themeForRoom(state.room));
  const ROOM = useMemo(() => shellOf(layoutForTheme(theme)), [theme]);
  const FRAME_BOXES = useMemo(() => frameBoxes(ROOM), [ROOM]);
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
