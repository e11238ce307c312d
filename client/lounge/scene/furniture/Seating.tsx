import { materials } from '../../../core/scene/palette.ts';
import { Armchair } from './Armchair.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { Sofa } from './Sofa.tsx';

/** Long boxes become sofas facing the windows (or the room's centre); square ones a chair cluster. */
export function Seating({ box }: FurnitureProps) {
  const ratio = Math.max(box.w, box.d) / Math.min(box.w, box.d);
  if (ratio >= 1.8) {
    const alongX = box.w >= box.d;
    // Sofas along x face north, towards the runway; sofas along z face the middle of the lounge.
    const facing = alongX ? Math.PI : box.x > 0 ? -Math.PI / 2 : Math.PI / 2;
    return (
      <group position={[box.x, 0, box.z]} rotation-y={facing}>
        <Sofa length={alongX ? box.w : box.d} depth={alongX ? box.d : box.w} height={box.h} />
      </group>
    );
  }
  const reach = Math.min(box.w, box.d) / 2 - 0.45;
  return (
    <group position={[box.x, 0, box.z]}>
      <mesh position-y={0.21} material={materials.walnut} castShadow receiveShadow>
        <cylinderGeometry args={[0.55, 0.55, 0.06, 28]} />
      </mesh>
      <mesh position-y={0.1} material={materials.brass}>
        <cylinderGeometry args={[0.06, 0.2, 0.2, 12]} />
      </mesh>
      <mesh position-y={0.27} material={materials.brass}>
        <cylinderGeometry args={[0.08, 0.08, 0.06, 12]} />
      </mesh>
      {[0, 1, 2, 3].map((quarter) => {
        const angle = (quarter * Math.PI) / 2 + Math.PI / 4;
        return (
          <group
            key={quarter}
            position={[Math.sin(angle) * reach * 1.1, 0, Math.cos(angle) * reach * 1.1]}
            rotation-y={angle + Math.PI}
          >
            <Armchair height={box.h} />
          </group>
        );
      })}
    </group>
  );
}
