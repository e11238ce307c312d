import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { InstancedBufferAttribute, type InstancedMesh, Matrix4, PlaneGeometry } from 'three';
import { type AvatarPose, poses } from '../../../core/poses.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { EMOTE_DURATION_MS } from '../../emotes.ts';
import { HEAD_Y } from './avatarParts.ts';
import { createBillboardMaterial } from './billboardMaterial.ts';
import { createEmoteAtlas, type EmoteAtlas } from './emoteAtlas.ts';
import { MAX_AVATARS } from './limits.ts';

const BUBBLE_Y = HEAD_Y + 0.9;
const BUBBLE_SIZE = 0.62;
const POP_MS = 220;
const FADE_MS = 450;
const _matrix = new Matrix4();

let frameMesh: InstancedMesh | null = null;
let frameAtlas: EmoteAtlas | null = null;
let frameTiles: Float32Array = new Float32Array(0);
let frameAlphas: Float32Array = new Float32Array(0);
let frameNow = 0;
let frameReduced = false;
let frameIndex = 0;

/** Overshooting ease for the pop-in. */
function easeOutBack(t: number): number {
  const c = 1.7;
  return 1 + (c + 1) * (t - 1) ** 3 + c * (t - 1) ** 2;
}

function placeBubble(pose: AvatarPose): void {
  const age = frameNow - pose.emoteAt;
  if (!frameMesh || !frameAtlas || !(age >= 0 && age < EMOTE_DURATION_MS) || frameIndex >= MAX_AVATARS)
    return;
  if (!frameAtlas.tile(pose.emote, frameTiles, frameIndex * 4)) return;
  // Reduced motion: the bubble simply appears and fades, no pop and no drift.
  const scale = frameReduced ? 1 : easeOutBack(Math.min(1, age / POP_MS));
  const rise = frameReduced ? 0 : (age / EMOTE_DURATION_MS) * 0.3;
  _matrix
    .makeScale(scale, scale, scale)
    .setPosition(pose.renderX, BUBBLE_Y + rise + pose.renderBob, pose.renderZ);
  frameMesh.setMatrixAt(frameIndex, _matrix);
  frameAlphas[frameIndex] = Math.min(1, (EMOTE_DURATION_MS - age) / FADE_MS);
  frameIndex++;
}

/** Floating emote badges (👋 👏 🎉) for about 2.5 s after a member emotes; one instanced billboard. */
export function EmoteBubbles() {
  const meshRef = useRef<InstancedMesh>(null);
  const assets = useMemo(() => {
    const atlas = createEmoteAtlas();
    const geometry = new PlaneGeometry(1, 1);
    const tiles = new InstancedBufferAttribute(new Float32Array(MAX_AVATARS * 4), 4);
    const alphas = new InstancedBufferAttribute(new Float32Array(MAX_AVATARS), 1);
    geometry.setAttribute('aTile', tiles);
    geometry.setAttribute('aAlpha', alphas);
    return {
      atlas,
      geometry,
      tiles,
      alphas,
      material: createBillboardMaterial(atlas.texture, BUBBLE_SIZE, BUBBLE_SIZE),
    };
  }, []);

  useFrame(() => {
    frameMesh = meshRef.current;
    if (!frameMesh) return;
    frameAtlas = assets.atlas;
    frameTiles = assets.tiles.array as Float32Array;
    frameAlphas = assets.alphas.array as Float32Array;
    frameNow = performance.now();
    frameReduced = useLayoverStore.getState().reducedMotion;
    frameIndex = 0;
    poses.forEach(placeBubble);
    frameMesh.count = frameIndex;
    frameMesh.instanceMatrix.needsUpdate = true;
    assets.tiles.needsUpdate = true;
    assets.alphas.needsUpdate = true;
  });

  return (
    <instancedMesh
      ref={meshRef}
      args={[assets.geometry, assets.material, MAX_AVATARS]}
      frustumCulled={false}
      renderOrder={11}
      name="emote-bubbles"
    />
  );
}
