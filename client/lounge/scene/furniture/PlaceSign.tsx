import type { SignPlace } from '../../../../shared/protocol/brand.ts';
import { useSignText } from '../../../core/brand/useSignText.ts';
import { materials } from '../../../core/scene/palette.ts';
import { SignText } from '../../../core/scene/SignText.tsx';
import { WALL_HEIGHT } from '../dimensions.ts';

export interface PlaceSignProps {
  place: SignPlace;
  /** Centre of the board, in the parent's space; the board faces +z, turned by `rotationY`. */
  position: [number, number, number];
  rotationY?: number;
  width?: number;
  height?: number;
  /** Hung from the ceiling on two rods, rather than fixed to a wall. */
  hung?: boolean;
  /** Seen from both sides: its words are on the back too. */
  twoSided?: boolean;
}

/** A walnut board with a brass rail that names a part of the lounge in the brand kit's words (issue 20). */
export function PlaceSign(props: PlaceSignProps) {
  const {
    place,
    position,
    rotationY = 0,
    width = 3.6,
    height = 0.75,
    hung = false,
    twoSided = false,
  } = props;
  const { text, locale } = useSignText(place);
  const rod = Math.max(0.05, WALL_HEIGHT - position[1] - height / 2);
  const words = {
    text,
    locale,
    width: width - 0.3,
    height: height - 0.1,
    maxFontSize: 0.45,
    color: '#f3d08a',
  };
  return (
    <group position={position} rotation-y={rotationY}>
      <mesh material={materials.walnut}>
        <boxGeometry args={[width, height, 0.08]} />
      </mesh>
      <mesh position-y={-height / 2 - 0.02} material={materials.brass}>
        <boxGeometry args={[width + 0.1, 0.05, 0.1]} />
      </mesh>
      <SignText name={place} {...words} position={[0, 0, 0.05]} />
      {twoSided && (
        <group rotation-y={Math.PI}>
          <SignText {...words} position={[0, 0, 0.05]} />
        </group>
      )}
      {hung &&
        [-1, 1].map((side) => (
          <mesh key={side} position={[(side * width) / 3, (rod + height) / 2, 0]} material={materials.brass}>
            <boxGeometry args={[0.03, rod, 0.03]} />
          </mesh>
        ))}
    </group>
  );
}
