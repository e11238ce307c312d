import { useMemo } from 'react';
import { useBrandKit } from '../../../core/brand/useBrand.ts';
import { useSignText } from '../../../core/brand/useSignText.ts';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import { SignText } from '../../../core/scene/SignText.tsx';
import type { FurnitureProps } from './furnitureProps.ts';

/** The partner's wall facing arrivals: a panel in the brand's colour, its mark, its name and the suite's sign. */
export function BrandWall({ box }: FurnitureProps) {
  const kit = useBrandKit();
  const { text, locale } = useSignText('suite');
  // The kit's accent as the panel and its primary for the mark: the kit keeps them apart in contrast.
  const panel = useMemo(() => glowMaterial(kit.colours.accent, 0.25), [kit.colours.accent]);
  const accent = useMemo(() => glowMaterial(kit.colours.primary, 0.4), [kit.colours.primary]);
  const front = box.d / 2 + 0.01;
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={box.h / 2} material={materials.cream} castShadow receiveShadow>
        <boxGeometry args={[box.w, box.h, box.d]} />
      </mesh>
      <mesh position={[0, box.h / 2 + 0.1, front]} material={panel}>
        <boxGeometry args={[box.w - 0.4, box.h - 0.6, 0.02]} />
      </mesh>
      <group position={[0, 2.15, front + 0.02]}>
        <mesh material={materials.brass}>
          <torusGeometry args={[0.5, 0.07, 10, 36]} />
        </mesh>
        <mesh rotation-z={Math.PI / 4} material={accent}>
          <boxGeometry args={[0.5, 0.5, 0.04]} />
        </mesh>
      </group>
      <SignText
        name="partner-wall"
        text={kit.name}
        locale={locale}
        width={box.w - 1}
        height={0.6}
        maxFontSize={0.5}
        color="#fffaf2"
        position={[0, 1.2, front + 0.02]}
      />
      <SignText
        text={text}
        locale={locale}
        bold={false}
        width={box.w - 1.5}
        height={0.32}
        maxFontSize={0.26}
        wrap={false}
        color="#f3d08a"
        position={[0, 0.72, front + 0.02]}
      />
      <mesh position={[0, 0.1, 0]} material={materials.walnut}>
        <boxGeometry args={[box.w + 0.02, 0.2, box.d + 0.02]} />
      </mesh>
    </group>
  );
}
