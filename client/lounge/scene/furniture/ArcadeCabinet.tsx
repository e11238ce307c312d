import { Text } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { clickCabinet } from '../../../arcade/cabinetClick.ts';
import { usePauseWhilePlaying } from '../../../arcade/usePauseWhilePlaying.ts';
import { FONT_BOLD_URL } from '../../../core/scene/font.ts';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import { frontTextMaterial } from '../../../core/scene/textMaterial.ts';
import { DRAG_PIXELS } from '../LoungeShell.tsx';
import type { FurnitureProps } from './furnitureProps.ts';

const CABINETS: Record<string, { title: string; body: string; screen: string }> = {
  'arcade-plane': { title: 'SKY PILOT', body: '#5b3c8c', screen: '#4fd1ff' },
  'arcade-trivia': { title: 'TRIVIA', body: '#b2413a', screen: '#ffd166' },
  'arcade-bags': { title: 'BAG DROP', body: '#2d7a5f', screen: '#9bf07a' },
};
const FALLBACK = { title: 'ARCADE', body: '#44507a', screen: '#8ec5ff' };

/** An upright arcade cabinet against a wall, screen and marquee lit, facing into the room. */
export function ArcadeCabinet({ box }: FurnitureProps) {
  const look = CABINETS[box.id] ?? FALLBACK;
  const bodyMaterial = useMemo(() => glowMaterial(look.body, 0.05), [look.body]);
  const screenMaterial = useMemo(() => glowMaterial(look.screen, 0.9), [look.screen]);
  const marqueeMaterial = useMemo(() => glowMaterial('#fff4d6', 0.9), []);
  usePauseWhilePlaying();
  const onClick = (event: ThreeEvent<MouseEvent>) => {
    if (event.delta > DRAG_PIXELS) return;
    event.stopPropagation();
    clickCabinet(box);
  };
  // Cabinets against the east wall face west; those elsewhere face the room's centre line.
  const facing = box.x > 0 ? -Math.PI / 2 : Math.PI / 2;
  const width = box.d;
  const depth = box.w;
  const front = depth / 2;
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <mesh position={[0, box.h * 0.42, -0.08]} material={bodyMaterial} castShadow receiveShadow>
        <boxGeometry args={[width, box.h * 0.84, depth - 0.16]} />
      </mesh>
      <mesh position={[0, box.h * 0.46, front - 0.35]} rotation-x={-0.35} material={materials.charcoal}>
        <boxGeometry args={[width * 0.94, 0.08, 0.5]} />
      </mesh>
      <mesh position={[0, box.h * 0.68, front - 0.22]} rotation-x={-0.12} material={screenMaterial}>
        <planeGeometry args={[width * 0.72, box.h * 0.24]} />
      </mesh>
      <mesh position={[0, box.h * 0.92, -0.02]} material={marqueeMaterial} castShadow>
        <boxGeometry args={[width, box.h * 0.16, depth - 0.04]} />
      </mesh>
      {/* Invisible, so never merged: the click target over the whole cabinet (hidden meshes still raycast). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh; keyboard users use the HUD prompt. */}
      <mesh visible={false} position={[0, box.h / 2, 0]} onClick={onClick} name={`${box.id}-hit`}>
        <boxGeometry args={[width, box.h, depth]} />
      </mesh>
      <Text
        font={FONT_BOLD_URL}
        fontSize={box.h * 0.075}
        maxWidth={width * 0.9}
        material={frontTextMaterial(look.body)}
        anchorX="center"
        anchorY="middle"
        position={[0, box.h * 0.92, depth / 2 - 0.01]}
      >
        {look.title}
      </Text>
    </group>
  );
}
