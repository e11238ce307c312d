import { useMemo } from 'react';
import { builtInText, SIGN_SMALL_PRINT } from '../../../core/brand/signText.ts';
import { useSignText } from '../../../core/brand/useSignText.ts';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import { SignText } from '../../../core/scene/SignText.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { VipDoorLeaves } from './VipDoorLeaves.tsx';

/** A gated room's door (VIP lounge or partner suite): sliding leaves in a brass frame, a sign and a lock light. */
export function VipDoor({ box }: FurnitureProps) {
  const lockLight = useMemo(() => glowMaterial('#ff5a4f', 1.6), []);
  const signGlow = useMemo(() => glowMaterial('#2a1a1f', 0.3), []);
  const doorway = useMemo(() => glowMaterial('#ffd58a', 0.9), []);
  // Doors on the east wall face west, on the west wall east.
  const facing = box.x > 0 ? -Math.PI / 2 : Math.PI / 2;
  const width = box.d;
  const height = Math.min(box.h, 2.8);
  const suite = box.kind === 'suiteDoor';
  const { text, locale } = useSignText(suite ? 'suite' : 'vip');
  const smallPrint = builtInText(suite ? SIGN_SMALL_PRINT.suiteDoor : SIGN_SMALL_PRINT.vipDoor, locale);
  return (
    <group position={[box.x, 0, box.z]} rotation-y={facing}>
      <mesh position={[0, height / 2, -0.05]} material={materials.brass} castShadow>
        <boxGeometry args={[width, height, 0.1]} />
      </mesh>
      <mesh position={[0, (height - 0.1) / 2, 0.005]} material={doorway}>
        <planeGeometry args={[width - 0.2, height - 0.16]} />
      </mesh>
      <VipDoorLeaves width={width} height={height} lockLight={lockLight} room={suite ? 'suite' : 'vip'} />
      <mesh position={[width / 2 + 0.25, 1.3, 0.02]} material={lockLight}>
        <boxGeometry args={[0.1, 0.16, 0.04]} />
      </mesh>
      <group position={[0, height + 0.45, 0]}>
        <mesh material={signGlow}>
          <boxGeometry args={[width + 0.4, 0.7, 0.06]} />
        </mesh>
        <SignText
          name={suite ? 'suite-door' : 'vip-door'}
          text={text}
          locale={locale}
          width={width + 0.3}
          height={0.42}
          maxFontSize={0.3}
          color="#f3d08a"
          position={[0, 0.08, 0.04]}
        />
        <SignText
          text={smallPrint}
          locale={locale}
          bold={false}
          width={width + 0.3}
          height={0.16}
          maxFontSize={0.12}
          wrap={false}
          color="#e7d3b0"
          position={[0, -0.2, 0.04]}
        />
      </group>
    </group>
  );
}
