import { Instance, Instances } from '@react-three/drei';
import { materials } from '../../../core/scene/palette.ts';

export interface BarStoolsProps {
  x: number;
  z: number;
  length: number;
}

const SPACING = 1.1;

/** A row of brass-stemmed leather stools along the bar, one draw call per part. */
export function BarStools({ x, z, length }: BarStoolsProps) {
  const count = Math.max(1, Math.floor((length - 0.6) / SPACING));
  const offsets = Array.from({ length: count }, (_, index) => z + (index - (count - 1) / 2) * SPACING);
  return (
    <group>
      <Instances limit={count} material={materials.leather} castShadow>
        <cylinderGeometry args={[0.22, 0.2, 0.1, 20]} />
        {offsets.map((oz) => (
          <Instance key={oz} position={[x, 0.75, oz]} />
        ))}
      </Instances>
      <Instances limit={count} material={materials.brass}>
        <cylinderGeometry args={[0.035, 0.035, 0.7, 8]} />
        {offsets.map((oz) => (
          <Instance key={oz} position={[x, 0.37, oz]} />
        ))}
      </Instances>
      <Instances limit={count} material={materials.brass} receiveShadow>
        <cylinderGeometry args={[0.18, 0.2, 0.03, 20]} />
        {offsets.map((oz) => (
          <Instance key={oz} position={[x, 0.015, oz]} />
        ))}
      </Instances>
    </group>
  );
}
