import { Text } from '@react-three/drei';
import { useMemo } from 'react';
import { FONT_BOLD_URL, FONT_URL } from '../font.ts';
import { glowMaterial, materials } from '../palette.ts';
import { frontTextMaterial } from '../textMaterial.ts';
import type { FurnitureProps } from './Furniture.tsx';

/** The closed VIP room door: burgundy double doors in a brass frame, a lit sign and a lock light. */
export function VipDoor({ box }: FurnitureProps) {
  const lockLight = useMemo(() => glowMaterial('#ff5a4f', 1.6), []);
  const signGlow = useMemo(() => glowMaterial('#2a1a1f', 0.3), []);
  // Doors on the east wall face west, on the west wall east.
  const facing = box.x > 0 ? -Math.PI / 2 : Math.PI / 2;
  const width = box.d;
  const height = Math.min(box.h, 2.8);
  const leaf = width / 2 - 0.1;
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <mesh position={[0, height / 2, -0.05]} material={materials.brass} castShadow>
        <boxGeometry args={[width, height, 0.1]} />
      </mesh>
      {[-1, 1].map((side) => (
        <group key={side}>
          <mesh position={[side * (leaf / 2 + 0.02), (height - 0.1) / 2, 0.02]} material={materials.burgundy}>
            <boxGeometry args={[leaf, height - 0.12, 0.08]} />
          </mesh>
          <mesh position={[side * 0.12, height * 0.45, 0.09]} material={materials.brass}>
            <boxGeometry args={[0.04, 0.5, 0.04]} />
          </mesh>
        </group>
      ))}
      <mesh position={[width / 2 + 0.25, 1.3, 0.02]} material={lockLight}>
        <boxGeometry args={[0.1, 0.16, 0.04]} />
      </mesh>
      <group position={[0, height + 0.45, 0]}>
        <mesh material={signGlow}>
          <boxGeometry args={[width + 0.4, 0.7, 0.06]} />
        </mesh>
        <Text
          font={FONT_BOLD_URL}
          fontSize={0.32}
          material={frontTextMaterial('#f3d08a')}
          anchorX="center"
          anchorY="middle"
          position={[0, 0.08, 0.04]}
        >
          VIP LOUNGE
        </Text>
        <Text
          font={FONT_URL}
          fontSize={0.12}
          material={frontTextMaterial('#e7d3b0')}
          anchorX="center"
          anchorY="middle"
          position={[0, -0.2, 0.04]}
        >
          PASS HOLDERS ONLY
        </Text>
      </group>
    </group>
  );
}
