import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { type InstancedMesh, Matrix4, MeshBasicMaterial, RingGeometry } from 'three';
import { poses } from '../../core/poses.ts';
import { MAX_AVATARS } from '../scene/avatars/limits.ts';
import { useVoiceStore } from './voiceStore.ts';

const _matrix = new Matrix4();
const _flat = new Matrix4().makeRotationX(-Math.PI / 2);

/** A green ring at the feet of each avatar heard speaking: one instanced mesh, one draw call however many speak. */
export function SpeakingRings() {
  const meshRef = useRef<InstancedMesh>(null);
  const assets = useMemo(
    () => ({
      geometry: new RingGeometry(0.45, 0.6, 32),
      material: new MeshBasicMaterial({
        color: '#2f9e44',
        transparent: true,
        opacity: 0.85,
        depthWrite: false,
      }),
    }),
    [],
  );

  useFrame(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    const { speaking } = useVoiceStore.getState();
    let index = 0;
    if (speaking.length > 0)
      for (const pose of poses.values()) {
        if (index >= MAX_AVATARS || !speaking.includes(pose.id)) continue;
        _matrix.copy(_flat).setPosition(pose.renderX, 0.02, pose.renderZ);
        mesh.setMatrixAt(index++, _matrix);
      }
    mesh.count = index;
    mesh.instanceMatrix.needsUpdate = true;
  });

  return (
    <instancedMesh
      ref={meshRef}
      args={[assets.geometry, assets.material, MAX_AVATARS]}
      frustumCulled={false}
      name="speaking-rings"
    />
  );
}
