import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  type BufferGeometry,
  CanvasTexture,
  InstancedBufferAttribute,
  type InstancedMesh,
  MeshBasicMaterial,
  Object3D,
  SRGBColorSpace,
  Vector3,
} from 'three';
import { type AvatarPose, poses } from '../../../core/poses.ts';
import { type AvatarSample, registerAvatarProbe } from '../../../core/scene/avatarProbe.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { hostStandIn } from '../../../hall/hostStandIn.ts';
import { type AvatarDetail, createAvatarGeometry, createShadowGeometry } from './avatarGeometry.ts';
import { lookFor } from './avatarLook.ts';
import { createAvatarDepthMaterial, createAvatarMaterial } from './avatarMaterial.ts';
import { writeMotion } from './gait.ts';
import { MAX_AVATARS } from './limits.ts';

const _dummy = new Object3D();
const _camera = new Vector3();
/** Beyond this distance from the camera an avatar is drawn with the far (coarse) geometry. */
export const FAR_AVATAR_M = 14;
const FAR_SQ = FAR_AVATAR_M * FAR_AVATAR_M;

/** Per-instance attributes of the avatar shader (avatarShader.ts) and their sizes. */
const INSTANCE_ATTRIBUTES = { aLook: 4, aStyle: 4, aWear: 3, aMotion: 4, aIdle: 1 } as const;
type InstanceAttributes = Record<keyof typeof INSTANCE_ATTRIBUTES, InstancedBufferAttribute>;

/** One level of detail: its mesh, its instance buffers, and who it drew this frame. */
interface Detail {
  detail: AvatarDetail;
  geometry: BufferGeometry;
  attributes: InstanceAttributes;
  mesh: InstancedMesh | null;
  ids: string[];
  count: number;
}

function createDetail(detail: AvatarDetail): Detail {
  const geometry = createAvatarGeometry(detail);
  const entries = Object.entries(INSTANCE_ATTRIBUTES).map(([name, size]) => {
    const attribute = new InstancedBufferAttribute(new Float32Array(MAX_AVATARS * size), size);
    geometry.setAttribute(name, attribute);
    return [name, attribute];
  });
  const attributes = Object.fromEntries(entries) as InstanceAttributes;
  return { detail, geometry, attributes, mesh: null, ids: new Array<string>(MAX_AVATARS).fill(''), count: 0 };
}

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

// Frame-loop state at module scope so placing avatars allocates nothing.
let near: Detail | null = null;
let far: Detail | null = null;
let shadows: InstancedMesh | null = null;
let shadowCount = 0;
let frameNow = 0;
let frameElapsed = 0;
let frameReduced = false;

function placeAvatar(pose: AvatarPose): void {
  if (!shadows || !near || !far || shadowCount >= MAX_AVATARS) return;
  const dx = pose.renderX - _camera.x;
  const dz = pose.renderZ - _camera.z;
  const level = dx * dx + dz * dz > FAR_SQ ? far : near;
  if (!level.mesh) return;
  const i = level.count;
  const look = lookFor(pose.id, pose.look);
  _dummy.position.set(pose.renderX, 0, pose.renderZ);
  _dummy.rotation.set(0, pose.renderHeading, 0);
  _dummy.updateMatrix();
  level.mesh.setMatrixAt(i, _dummy.matrix);
  const { aLook, aStyle, aWear, aMotion, aIdle } = level.attributes;
  (aLook.array as Float32Array).set(look.colours, i * 4);
  (aStyle.array as Float32Array).set(look.style, i * 4);
  aWear.setXYZ(i, look.wear.r, look.wear.g, look.wear.b);
  const idle = writeMotion(
    pose,
    frameNow,
    frameElapsed,
    look.phase,
    frameReduced,
    aMotion.array as Float32Array,
    i * 4,
  );
  aIdle.setX(i, idle);
  level.ids[i] = pose.sessionId;
  level.count++;
  _dummy.position.set(pose.renderX, 0.015, pose.renderZ);
  _dummy.rotation.set(0, 0, 0);
  _dummy.updateMatrix();
  shadows.setMatrixAt(shadowCount, _dummy.matrix);
  shadowCount++;
}

// An instanced mesh with no instances issues no draw call, so an empty level costs nothing.
function commit(level: Detail): void {
  if (!level.mesh) return;
  level.mesh.count = level.count;
  level.mesh.instanceMatrix.needsUpdate = true;
  for (const attribute of Object.values(level.attributes)) attribute.needsUpdate = true;
}

/** What each avatar was drawn with last frame, for the test hooks. */
function sample(): Record<string, AvatarSample> {
  const out: Record<string, AvatarSample> = {};
  for (const level of [near, far]) {
    if (!level) continue;
    for (let i = 0; i < level.count; i++) {
      const id = level.ids[i] ?? '';
      out[id] = {
        detail: level.detail,
        motion: Array.from((level.attributes.aMotion.array as Float32Array).subarray(i * 4, i * 4 + 4)),
        style: Array.from((level.attributes.aStyle.array as Float32Array).subarray(i * 4, i * 4 + 4)),
      };
    }
  }
  return out;
}

/**
 * Every avatar (body, limbs, face, hair, outfit, wearable) and its contact shadow as instanced meshes in two levels
 * of detail, posed per instance in the vertex shader, so more members add no draw calls and distant ones few triangles.
 */
export function AvatarBodies() {
  const nearRef = useRef<InstancedMesh>(null);
  const farRef = useRef<InstancedMesh>(null);
  const shadowRef = useRef<InstancedMesh>(null);
  const assets = useMemo(
    () => ({
      near: createDetail('near'),
      far: createDetail('far'),
      material: createAvatarMaterial(),
      depthMaterial: createAvatarDepthMaterial(),
      shadow: createShadowGeometry(),
      shadowMaterial: new MeshBasicMaterial({
        map: createShadowTexture(),
        transparent: true,
        depthWrite: false,
      }),
    }),
    [],
  );

  useEffect(() => {
    registerAvatarProbe(sample);
    return () => registerAvatarProbe(null);
  }, []);

  useFrame(({ camera, clock }) => {
    near = assets.near;
    far = assets.far;
    near.mesh = nearRef.current;
    far.mesh = farRef.current;
    shadows = shadowRef.current;
    if (!shadows) return;
    camera.getWorldPosition(_camera);
    frameNow = performance.now();
    frameElapsed = clock.elapsedTime;
    frameReduced = useLayoverStore.getState().reducedMotion;
    near.count = 0;
    far.count = 0;
    shadowCount = 0;
    poses.forEach(placeAvatar);
    if (hostStandIn.visible) placeAvatar(hostStandIn.pose);
    commit(near);
    commit(far);
    shadows.count = shadowCount;
    shadows.instanceMatrix.needsUpdate = true;
  });

  return (
    <group>
      <instancedMesh
        ref={nearRef}
        args={[assets.near.geometry, assets.material, MAX_AVATARS]}
        customDepthMaterial={assets.depthMaterial}
        frustumCulled={false}
        castShadow
        name="avatars"
      />
      <instancedMesh
        ref={farRef}
        args={[assets.far.geometry, assets.material, MAX_AVATARS]}
        frustumCulled={false}
        name="avatars-far"
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
