import type { LayoutSign } from '../../../../shared/content/lounge-layout.ts';
import { SIGN_PLACES, type SignPlace } from '../../../../shared/protocol/brand.ts';
import { useT } from '../../../core/i18n/useT.ts';
import { materials } from '../../../core/scene/palette.ts';
import { SignText } from '../../../core/scene/SignText.tsx';
import { useLayoverStore } from '../../../core/store.ts';
import { PlaceSign } from './PlaceSign.tsx';

const KIT_PLACES: ReadonlySet<string> = new Set(SIGN_PLACES);

function isKitPlace(words: string): words is SignPlace {
  return KIT_PLACES.has(words);
}

/** A layout's sign: the brand kit's words for its places (VIP, bar, suite), the rooms' own for the rest. */
export function RoomSign({ sign }: { sign: LayoutSign }) {
  const position: [number, number, number] = [sign.x, sign.y, sign.z];
  const width = sign.width ?? 3.2;
  if (isKitPlace(sign.words))
    return <PlaceSign place={sign.words} position={position} rotationY={sign.rotationY} width={width} />;
  return <WordsSign sign={sign} position={position} width={width} />;
}

function WordsSign({
  sign,
  position,
  width,
}: {
  sign: LayoutSign;
  position: [number, number, number];
  width: number;
}) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const height = 0.75;
  const key =
    sign.words === 'lounge'
      ? 'rooms.sign.lounge'
      : sign.words === 'quietRoom'
        ? 'rooms.sign.quietRoom'
        : 'rooms.sign.partner';
  return (
    <group position={position} rotation-y={sign.rotationY}>
      <mesh material={materials.walnut}>
        <boxGeometry args={[width, height, 0.08]} />
      </mesh>
      <mesh position-y={-height / 2 - 0.02} material={materials.brass}>
        <boxGeometry args={[width + 0.1, 0.05, 0.1]} />
      </mesh>
      <SignText
        name={sign.id}
        text={t(key)}
        locale={locale}
        width={width - 0.3}
        height={height - 0.1}
        maxFontSize={0.42}
        color="#f3d08a"
        position={[0, 0, 0.05]}
      />
    </group>
  );
}
