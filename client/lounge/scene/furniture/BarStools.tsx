import { ModelPiece } from '../models/ModelPiece.tsx';
import { useModelParts } from '../models/useModelParts.ts';

export interface BarStoolsProps {
  x: number;
  z: number;
  length: number;
}

const SPACING = 1.1;

/** A row of brass and leather stools along the bar (assets/models/bar-stool.glb), merged with the scenery. */
export function BarStools({ x, z, length }: BarStoolsProps) {
  const stool = useModelParts('barStool', 'Stool');
  const count = Math.max(1, Math.floor((length - 0.6) / SPACING));
  const offsets = Array.from({ length: count }, (_, index) => z + (index - (count - 1) / 2) * SPACING);
  return (
    <group>
      {offsets.map((oz) => (
        <ModelPiece key={oz} parts={stool} position={[x, 0, oz]} />
      ))}
    </group>
  );
}
