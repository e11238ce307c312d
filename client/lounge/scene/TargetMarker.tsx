import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Mesh } from 'three';
import { localSteering } from '../../core/input/steering.ts';
import { useLayoverStore } from '../../core/store.ts';

/** A soft ring on the floor where a click or tap sent our avatar. */
export function TargetMarker() {
  const ref = useRef<Mesh>(null);
  useFrame((state) => {
    const mesh = ref.current;
    if (!mesh) return;
    const steering = localSteering.current;
    mesh.visible = steering?.kind === 'target';
    if (steering?.kind !== 'target') return;
    mesh.position.set(steering.x, 0.02, steering.z);
    const pulse = useLayoverStore.getState().reducedMotion
      ? 1
      : 1 + Math.sin(state.clock.elapsedTime * 6) * 0.08;
    mesh.scale.setScalar(pulse);
  });
  return (
    <mesh ref={ref} rotation-x={-Math.PI / 2} visible={false} renderOrder={2}>
      <ringGeometry args={[0.28, 0.38, 32]} />
      <meshBasicMaterial color="#ffd27a" transparent opacity={0.85} depthWrite={false} />
    </mesh>
  );
}
