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
  Vector3,
} from 'three';
import { type AvatarPose, poses } from '../../../core/poses.ts';
import { hostStandIn } from '../../../hall/hostStandIn.ts';
import { createBodyGeometry, createHeadGeometry, createShadowGeometry } from './avatarGeometry.ts';
import { lookFor } from './avatarLook.ts';
import { MAX_AVATARS } from './limits.ts';

const _dummy = new Object3D();
const _camera = new Vector3();
const WHITE = new Color('#ffffff');
/** Beyond this distance from the camera an avatar is drawn with the far (coarse) geometry. */
export const FAR_AVATAR_M = 14;
const FAR_SQ = FAR_AVATAR_M * FAR_AVATAR_M;

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

/** One level of detail: a body and a head mesh and how many instances this frame. */
interface Detail {
  bodies: InstancedMesh | null;
  heads: InstancedMesh | null;
  count: number;
}
const near: Detail = { bodies: null, heads: null, count: 0 };
const far: Detail = { bodies: null, heads: null, count: 0 };
let shadows: InstancedMesh | null = null;
let shadowCount = 0;

function placeAvatar(pose: AvatarPose): void {
  if (!shadows || shadowCount >= MAX_AVATARS) return;
  const dx = pose.renderX - _camera.x;
  const dz = pose.renderZ - _camera.z;
  const level = dx * dx + dz * dz > FAR_SQ ? far : near;
  const { bodies, heads } = level;
  if (!bodies || !heads) return;
  const look = lookFor(pose.id);
  _dummy.position.set(pose.renderX, pose.renderBob, pose.renderZ);
  _dummy.rotation.set(0, pose.renderHeading, 0);
  _dummy.updateMatrix();
  bodies.setMatrixAt(level.count, _dummy.matrix);
  heads.setMatrixAt(level.count, _dummy.matrix);
  bodies.setColorAt(level.count, look.body);
  heads.setColorAt(level.count, look.skin);
  level.count++;
  _dummy.position.set(pose.renderX, 0.015, pose.renderZ);
  _dummy.rotation.set(0, 0, 0);
  _dummy.updateMatrix();
  shadows.setMatrixAt(shadowCount, _dummy.matrix);
  shadowCount++;
}

// An instanced mesh with no instances issues no draw call, so an empty level costs nothing.
function commit(mesh: InstancedMesh | null, count: number): void {
  if (!mesh) return;
  mesh.count = count;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

/**
 * Every avatar's body, head and contact shadow as instanced meshes, in two levels of detail (near and far from the
 * camera), so more members add no draw calls and distant ones few triangles.
 */
export function AvatarBodies() {
  const bodyRef = useRef<InstancedMesh>(null);
  const headRef = useRef<InstancedMesh>(null);
  const farBodyRef = useRef<InstancedMesh>(null);
  const farHeadRef = useRef<InstancedMesh>(null);
  const shadowRef = useRef<InstancedMesh>(null);
  const assets = useMemo(
    () => ({
      body: createBodyGeometry('near'),
      head: createHeadGeometry('near'),
      farBody: createBodyGeometry('far'),
      farHead: createHeadGeometry('far'),
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

  useFrame(({ camera }) => {
    near.bodies = bodyRef.current;
    near.heads = headRef.current;
    far.bodies = farBodyRef.current;
    far.heads = farHeadRef.current;
    shadows = shadowRef.current;
    if (!shadows) return;
    camera.getWorldPosition(_camera);
    near.count = 0;
    far.count = 0;
    shadowCount = 0;
    poses.forEach(placeAvatar);
    if (hostStandIn.visible) placeAvatar(hostStandIn.pose);
    commit(near.bodies, near.count);
    commit(near.heads, near.count);
    commit(far.bodies, far.count);
    commit(far.heads, far.count);
    commit(shadows, shadowCount);
  });

  useLayoutEffect(() => {
    // Create the colour buffers before the first frame so the shaders compile with per-instance colour.
    for (const ref of [bodyRef, headRef, farBodyRef, farHeadRef]) ref.current?.setColorAt(0, WHITE);
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
        ref={farBodyRef}
        args={[assets.farBody, assets.bodyMaterial, MAX_AVATARS]}
        frustumCulled={false}
        name="avatar-bodies-far"
      />
      <instancedMesh
        ref={farHeadRef}
        args={[assets.farHead, assets.skinMaterial, MAX_AVATARS]}
        frustumCulled={false}
        name="avatar-heads-far"
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
