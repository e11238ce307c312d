import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useBrandKit } from '../../core/brand/useBrand.ts';
import { walkTo } from '../../core/input/steering.ts';
import { type BoxSpec, InstancedBoxes } from '../../core/scene/InstancedBoxes.tsx';
import { materials } from '../../core/scene/palette.ts';
import { WALL_HEIGHT } from './dimensions.ts';
import { createPlankTexture } from './floorTexture.ts';
import { Rug } from './Rug.tsx';
import { alongWall, type RoomShell, shellOf } from './roomShell.ts';
import { brandedThemeColors, layoutForTheme, ROOM_RUGS, type RoomTheme } from './roomTheme.ts';

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
function wallsOf(room: RoomShell) {
  return [
    { key: 'south', position: [room.centerX, 0, room.maxZ], rotation: Math.PI, width: room.width },
    { key: 'west', position: [room.minX, 0, room.centerZ], rotation: HALF_PI, width: room.depth },
    { key: 'east', position: [room.maxX, 0, room.centerZ], rotation: -HALF_PI, width: room.depth },
  ] as const;
}

/** Warm sconces along the three solid walls (the main lounge keeps its own spacing, clear of its doors). */
function sconcesOf(room: RoomShell, main: boolean): BoxSpec[] {
  const south = main ? [-15, -5, 5, 15] : alongWall(room.minX, room.width, 5);
  const west = main ? [-10, -4, 8] : alongWall(room.minZ, room.depth, 6).filter((z) => z < room.maxZ - 2);
  const east = main ? [-4, 6] : alongWall(room.minZ, room.depth, 6).filter((z) => Math.abs(z) > 2.5);
  return [
    ...south.map((x): BoxSpec => [x, 3.3, room.maxZ - 0.06, 0.7, 0.14, 0.08]),
    ...west.map((z): BoxSpec => [room.minX + 0.06, 3.3, z, 0.08, 0.14, 0.7]),
    ...east.map((z): BoxSpec => [room.maxX - 0.06, 3.3, z, 0.08, 0.14, 0.7]),
  ];
}

export interface LoungeShellProps {
  theme?: RoomTheme;
}

/** Floor (click to walk), rugs, the three solid walls with wainscoting and warm sconces, in the room's plan. */
export function LoungeShell({ theme = 'main' }: LoungeShellProps) {
  const colors = brandedThemeColors(theme, useBrandKit().colours);
  const ROOM = useMemo(() => shellOf(layoutForTheme(theme)), [theme]);
  const walls = wallsOf(ROOM);
  const sconces = useMemo(() => sconcesOf(ROOM, theme === 'main' || theme === 'hall'), [ROOM, theme]);
  const plankTexture = useMemo(() => {
    const texture = createPlankTexture();
    texture?.repeat.set(ROOM.width / 4, ROOM.depth / 4);
    return texture;
  }, [ROOM]);
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
      {ROOM_RUGS[theme].map((rug) => (
        <Rug key={`${rug.x},${rug.z}`} x={rug.x} z={rug.z} w={rug.w} d={rug.d} color={colors[rug.colour]} />
      ))}
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
