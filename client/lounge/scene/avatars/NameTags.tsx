import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { InstancedBufferAttribute, type InstancedMesh, Matrix4, PlaneGeometry, Vector3 } from 'three';
import { useContent } from '../../../core/content/useContent.ts';
import { levelName } from '../../../core/content.ts';
import { type AvatarPose, poses } from '../../../core/poses.ts';
import {
  createNameTagAtlas,
  loadTagFont,
  type NameTagAtlas,
  TAG_WORLD_H,
  TAG_WORLD_W,
} from '../../../core/scene/nameTagAtlas.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { HEAD_Y } from './avatarParts.ts';
import { createBillboardMaterial } from './billboardMaterial.ts';
import { MAX_AVATARS } from './limits.ts';
import { MAX_TAGS, nearestTags, TAG_HIDE_M, tagAlpha, tagScale } from './nameTagLod.ts';

/** Bottom edge of the two-line tag (the status line): clear of the head, its hair and a cap. */
const TAG_BOTTOM_Y = HEAD_Y + 0.3;
const _matrix = new Matrix4();
const _camera = new Vector3();

// Frame-loop state at module scope so placing tags allocates nothing.
let frameMesh: InstancedMesh | null = null;
let frameAtlas: NameTagAtlas | null = null;
let frameTiles: Float32Array = new Float32Array(0);
let frameAlphas: Float32Array = new Float32Array(0);
let candidateCount = 0;
const candidates: AvatarPose[] = [];
const distances = new Float32Array(MAX_AVATARS);
const order = new Uint16Array(MAX_TAGS);

/** Notes every avatar with a tag within TAG_HIDE_M of the camera. */
function collect(pose: AvatarPose): void {
  if (candidateCount >= MAX_AVATARS || frameAtlas?.slotOf(pose.sessionId) === undefined) return;
  const distance = Math.hypot(pose.renderX - _camera.x, TAG_BOTTOM_Y - _camera.y, pose.renderZ - _camera.z);
  if (distance >= TAG_HIDE_M) return;
  candidates[candidateCount] = pose;
  distances[candidateCount] = distance;
  candidateCount++;
}

/** Places the tag of candidate `c` at instance `index`: grown with distance to stay legible, faded near the limit. */
function placeTag(c: number, index: number): void {
  const pose = candidates[c];
  const slot = pose && frameAtlas?.slotOf(pose.sessionId);
  if (!frameMesh || !frameAtlas || !pose || slot === undefined) return;
  const distance = distances[c] ?? 0;
  const scale = tagScale(distance);
  _matrix
    .makeScale(scale, scale, scale)
    .setPosition(pose.renderX, TAG_BOTTOM_Y + (TAG_WORLD_H * scale) / 2 + pose.renderBob, pose.renderZ);
  frameMesh.setMatrixAt(index, _matrix);
  frameAtlas.tile(slot, frameTiles, index * 4);
  frameAlphas[index] = tagAlpha(distance);
}

/**
 * Name tags over the nearest avatars (at most MAX_TAGS, none beyond TAG_HIDE_M), grown with distance so a name stays
 * readable at 20 m: one atlas texture drawn with the local font, one instanced billboard.
 */
export function NameTags() {
  const meshRef = useRef<InstancedMesh>(null);
  const members = useLayoverStore((state) => state.members);
  const selfId = useLayoverStore((state) => state.selfId);
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const assets = useMemo(() => {
    const atlas = createNameTagAtlas();
    const geometry = new PlaneGeometry(1, 1);
    const tiles = new InstancedBufferAttribute(new Float32Array(MAX_AVATARS * 4), 4);
    geometry.setAttribute('aTile', tiles);
    const alphas = new InstancedBufferAttribute(new Float32Array(MAX_AVATARS).fill(1), 1);
    geometry.setAttribute('aAlpha', alphas);
    const material = createBillboardMaterial(atlas.texture, TAG_WORLD_W, TAG_WORLD_H);
    return { atlas, geometry, tiles, alphas, material };
  }, []);

  // Tags are drawn when the roster changes (join, leave, rename, status) or the language, and once the font arrives.
  useEffect(() => {
    let cancelled = false;
    const draw = () => {
      if (cancelled) return;
      assets.atlas.retain(new Set(members.map((member) => member.sessionId)));
      for (const member of members) {
        const status = member.status ? levelName(member.status, locale) : '';
        assets.atlas.draw(member.sessionId, member.name, status, member.sessionId === selfId);
      }
    };
    draw();
    loadTagFont().then(draw);
    return () => {
      cancelled = true;
    };
  }, [assets, members, selfId, locale]);

  useFrame(({ camera }) => {
    frameMesh = meshRef.current;
    frameAtlas = assets.atlas;
    frameTiles = assets.tiles.array as Float32Array;
    frameAlphas = assets.alphas.array as Float32Array;
    if (!frameMesh) return;
    camera.getWorldPosition(_camera);
    candidateCount = 0;
    poses.forEach(collect);
    let shown = candidateCount;
    if (shown > MAX_TAGS) {
      shown = nearestTags(distances, candidateCount, MAX_TAGS, order);
      for (let i = 0; i < shown; i++) placeTag(order[i] ?? 0, i);
    } else {
      for (let i = 0; i < shown; i++) placeTag(i, i);
    }
    frameMesh.count = shown;
    frameMesh.instanceMatrix.needsUpdate = true;
    assets.tiles.needsUpdate = true;
    assets.alphas.needsUpdate = true;
  });

  return (
    <instancedMesh
      ref={meshRef}
      args={[assets.geometry, assets.material, MAX_AVATARS]}
      frustumCulled={false}
      renderOrder={10}
      name="name-tags"
    />
  );
}
