import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useBrandKit } from '../../core/brand/useBrand.ts';
import { walkTo } from '../../core/input/steering.ts';
import { materials } from '../../core/scene/palette.ts';
import { ROOM, WALL_HEIGHT } from './dimensions.ts';
import { createPlankTexture } from './floorTexture.ts';
import { type BoxSpec, InstancedBoxes } from './InstancedBoxes.tsx';
import { Rug } from './Rug.tsx';
import { brandedThemeColors, type RoomTheme } from './roomTheme.ts';

/** A click that travelled further than this (pixels) was a camera drag, not a tap on the floor. */
export const DRAG_PIXELS = 6;
const WAINSCOT = 1.1;
const HALF_PI = Math.PI / 2;

function onFloorClick(event: ThreeEvent<MouseEvent>) {
  if (event.delta > DRAG_PIXELS) return;
  event.stopPropagation();
  walkTo(event.point.x, event.point.z);
}

/** Walls are one-sided planes facing in, so the camera can look through them from outside. */
const walls = [
  { key: 'south', position: [ROOM.centerX, 0, ROOM.maxZ], rotation: Math.PI, width: ROOM.width },
  { key: 'west', position: [ROOM.minX, 0, ROOM.centerZ], rotation: HALF_PI, width: ROOM.depth },
  { key: 'east', position: [ROOM.maxX, 0, ROOM.centerZ], rotation: -HALF_PI, width: ROOM.depth },
] as const;

const sconces: BoxSpec[] = [
  ...[-15, -5, 5, 15].map((x): BoxSpec => [x, 3.3, ROOM.maxZ - 0.06, 0.7, 0.14, 0.08]),
  ...[-10, -4, 8].map((z): BoxSpec => [ROOM.minX + 0.06, 3.3, z, 0.08, 0.14, 0.7]),
  ...[-4, 6].map((z): BoxSpec => [ROOM.maxX - 0.06, 3.3, z, 0.08, 0.14, 0.7]),
];

export interface LoungeShellProps {
  theme?: RoomTheme;
}

/** Floor (click to walk), rugs, the three solid walls with wainscoting and warm sconces, in the room's colours. */
export function LoungeShell({ theme = 'main' }: LoungeShellProps) {
  const colors = brandedThemeColors(theme, useBrandKit().colours);
  const plankTexture = useMemo(() => {
    const texture = createPlankTexture();
    texture?.repeat.set(ROOM.width / 4, ROOM.depth / 4);
    return texture;
  }, []);
  useEffect(() => () => plankTexture?.dispose(), [plankTexture]);
  return (
    <group>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not a DOM element; keyboard users walk with WASD. */}
      <mesh
        rotation-x={-HALF_PI}
        position={[ROOM.centerX, 0, ROOM.centerZ]}
        receiveShadow
        onClick={onFloorClick}
        name="lounge-floor"
      >
        <planeGeometry args={[ROOM.width, ROOM.depth]} />
        <meshStandardMaterial
          color={plankTexture ? colors.floorTint : colors.floor}
          map={plankTexture}
          roughness={0.62}
        />
      </mesh>
      <Rug x={-1} z={0.5} w={15} d={7.5} color={colors.rugCentre} />
      <Rug x={0} z={-10.7} w={22} d={3.4} color={colors.rugWindow} />
      <Rug x={0} z={10.6} w={9} d={3} color={colors.rugBoard} />
      {walls.map((wall) => (
        <group key={wall.key} position={wall.position} rotation-y={wall.rotation}>
          <mesh position-y={WALL_HEIGHT / 2} receiveShadow>
            <planeGeometry args={[wall.width, WALL_HEIGHT]} />
            <meshStandardMaterial color={colors.wall} roughness={0.9} />
          </mesh>
          <mesh position={[0, WAINSCOT / 2, 0.02]} receiveShadow>
            <planeGeometry args={[wall.width, WAINSCOT]} />
            <meshStandardMaterial color={colors.wainscot} roughness={0.55} />
          </mesh>
          <mesh position={[0, WAINSCOT, 0.04]} material={materials.brass}>
            <boxGeometry args={[wall.width, 0.05, 0.04]} />
          </mesh>
        </group>
      ))}
      <InstancedBoxes boxes={sconces} material={materials.warmGlow} />
    </group>
  );
}
