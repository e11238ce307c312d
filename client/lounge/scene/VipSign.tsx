import { builtInText, SIGN_SMALL_PRINT } from '../../core/brand/signText.ts';
import { useSignText } from '../../core/brand/useSignText.ts';
import { materials } from '../../core/scene/palette.ts';
import { SignText } from '../../core/scene/SignText.tsx';
import { ROOM } from './dimensions.ts';

const SIGN_Y = 3.25;
const SIGN_Z = ROOM.minZ + 0.45;

/** The VIP room's sign, hung above the runway windows where the follow camera looks on arrival. */
export function VipSign() {
  const { text, locale } = useSignText('vip');
  return (
    <group position={[0, SIGN_Y, SIGN_Z]}>
      <mesh material={materials.walnut}>
        <boxGeometry args={[6.2, 0.9, 0.08]} />
      </mesh>
      <mesh position-y={-0.47} material={materials.brass}>
        <boxGeometry args={[6.3, 0.05, 0.1]} />
      </mesh>
      <SignText
        name="vip-room"
        text={text}
        locale={locale}
        width={5.8}
        height={0.56}
        maxFontSize={0.46}
        color="#f3d08a"
        position={[0, 0.1, 0.05]}
      />
      <SignText
        text={builtInText(SIGN_SMALL_PRINT.vipRoom, locale)}
        locale={locale}
        bold={false}
        width={5.8}
        height={0.2}
        maxFontSize={0.14}
        wrap={false}
        color="#e7d3b0"
        position={[0, -0.27, 0.05]}
      />
    </group>
  );
}
