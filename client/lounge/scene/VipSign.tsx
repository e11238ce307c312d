import { Text } from '@react-three/drei';
import { FONT_BOLD_URL, FONT_URL } from '../../core/scene/font.ts';
import { materials } from '../../core/scene/palette.ts';
import { frontTextMaterial } from '../../core/scene/textMaterial.ts';
import { ROOM } from './dimensions.ts';

const SIGN_Y = 3.25;
const SIGN_Z = ROOM.minZ + 0.45;

/** The VIP room's sign, hung above the runway windows where the follow camera looks on arrival. */
export function VipSign() {
  return (
    <group position={[0, SIGN_Y, SIGN_Z]}>
      <mesh material={materials.walnut}>
        <boxGeometry args={[6.2, 0.9, 0.08]} />
      </mesh>
      <mesh position-y={-0.47} material={materials.brass}>
        <boxGeometry args={[6.3, 0.05, 0.1]} />
      </mesh>
      <Text
        font={FONT_BOLD_URL}
        fontSize={0.5}
        letterSpacing={0.2}
        material={frontTextMaterial('#f3d08a')}
        anchorX="center"
        anchorY="middle"
        position={[0, 0.1, 0.05]}
      >
        VIP
      </Text>
      <Text
        font={FONT_URL}
        fontSize={0.14}
        letterSpacing={0.12}
        material={frontTextMaterial('#e7d3b0')}
        anchorX="center"
        anchorY="middle"
        position={[0, -0.27, 0.05]}
      >
        GOLD PASS LOUNGE
      </Text>
    </group>
  );
}
