import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  CanvasTexture,
  Color,
  type InstancedMesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Object3D,
  SRGBColorSpace,
} from 'three';
import { hostStandIn } from '../../events/hostStandIn.ts';
import { type AvatarPose, poses } from '../../poses.ts';
import { createBodyGeometry, createHeadGeometry, createShadowGeometry } from './avatarGeometry.ts';
import { lookFor } from './avatarLook.ts';
import { MAX_AVATARS } from './limits.ts';

const _dummy = new Object3D();
const WHITE = new Color('#ffffff');

function createShadowTexture(): CanvasTexture | null {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const gradient = context.createRadialGradient(32, 32, 4, 32, 32, 32);
  gradient.addColorStop(0, 'rgba(0,0,0,0.5)');
  gradient.addColorStop(1, 'rgba(0,0,0,0)');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 64, 64);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

let bodies: InstancedMesh | null = null;
let heads: InstancedMesh | null = null;
let shadows: InstancedMesh | null = null;
let index = 0;

function placeAvatar(pose: AvatarPose): void {
  if (!bodies || !heads || !shadows || index >= MAX_AVATARS) return;
  const look = lookFor(pose.id);
  _dummy.position.set(pose.renderX, pose.renderBob, pose.renderZ);
  _dummy.rotation.set(0, pose.renderHeading, 0);
  _dummy.updateMatrix();
  bodies.setMatrixAt(index, _dummy.matrix);
  heads.setMatrixAt(index, _dummy.matrix);
  bodies.setColorAt(index, look.body);
  heads.setColorAt(index, look.skin);
  _dummy.position.set(pose.renderX, 0.015, pose.renderZ);
  _dummy.rotation.set(0, 0, 0);
  _dummy.updateMatrix();
  shadows.setMatrixAt(index, _dummy.matrix);
  index++;
}

function commit(mesh: InstancedMesh): void {
  mesh.count = index;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

/** Every avatar's body, head and contact shadow: three instanced meshes, so more members add no draw calls. */
export function AvatarBodies() {
  const bodyRef = useRef<InstancedMesh>(null);
  const headRef = useRef<InstancedMesh>(null);
  const shadowRef = useRef<InstancedMesh>(null);
  const assets = useMemo(
    () => ({
      body: createBodyGeometry(),
      head: createHeadGeometry(),
      shadow: createShadowGeometry(),
      skinMaterial: new MeshStandardMaterial({ vertexColors: true, roughness: 0.55 }),
      bodyMaterial: new MeshStandardMaterial({ vertexColors: true, roughness: 0.5 }),
      shadowMaterial: new MeshBasicMaterial({
        map: createShadowTexture(),
        transparent: true,
        depthWrite: false,
      }),
    }),
    [],
  );

  useFrame(() => {
    bodies = bodyRef.current;
    heads = headRef.current;
    shadows = shadowRef.current;
    if (!bodies || !heads || !shadows) return;
    index = 0;
    poses.forEach(placeAvatar);
    if (hostStandIn.visible) placeAvatar(hostStandIn.pose);
    commit(bodies);
    commit(heads);
    commit(shadows);
  });

  useLayoutEffect(() => {
    // Create the colour buffers before the first frame so the shaders compile with per-instance colour.
    bodyRef.current?.setColorAt(0, WHITE);
    headRef.current?.setColorAt(0, WHITE);
  }, []);

  return (
    <group>
      <instancedMesh
        ref={bodyRef}
        args={[assets.body, assets.bodyMaterial, MAX_AVATARS]}
        frustumCulled={false}
        castShadow
        name="avatar-bodies"
      />
      <instancedMesh
        ref={headRef}
        args={[assets.head, assets.skinMaterial, MAX_AVATARS]}
        frustumCulled={false}
        castShadow
        name="avatar-heads"
      />
      <instancedMesh
        ref={shadowRef}
        args={[assets.shadow, assets.shadowMaterial, MAX_AVATARS]}
        frustumCulled={false}
        renderOrder={1}
        name="avatar-shadows"
      />
    </group>
  );
}
