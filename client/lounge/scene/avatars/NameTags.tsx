import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { InstancedBufferAttribute, type InstancedMesh, Matrix4, PlaneGeometry } from 'three';
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
import { HEAD_Y } from './avatarGeometry.ts';
import { createBillboardMaterial } from './billboardMaterial.ts';
import { MAX_AVATARS } from './limits.ts';

/** Centre of the two-line tag; its bottom edge (the status line) clears the head. */
const TAG_Y = HEAD_Y + 0.47;
const _matrix = new Matrix4();

// Frame-loop state at module scope so placing tags allocates nothing.
let frameMesh: InstancedMesh | null = null;
let frameAtlas: NameTagAtlas | null = null;
let frameTiles: Float32Array = new Float32Array(0);
let frameIndex = 0;

function placeTag(pose: AvatarPose): void {
  const slot = frameAtlas?.slotOf(pose.sessionId);
  if (!frameMesh || !frameAtlas || slot === undefined || frameIndex >= MAX_AVATARS) return;
  _matrix.makeTranslation(pose.renderX, TAG_Y + pose.renderBob, pose.renderZ);
  frameMesh.setMatrixAt(frameIndex, _matrix);
  frameAtlas.tile(slot, frameTiles, frameIndex * 4);
  frameIndex++;
}

/** Name tags over every avatar: one atlas texture drawn with the local font, one instanced billboard. */
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
    geometry.setAttribute('aAlpha', new InstancedBufferAttribute(new Float32Array(MAX_AVATARS).fill(1), 1));
    const material = createBillboardMaterial(atlas.texture, TAG_WORLD_W, TAG_WORLD_H);
    return { atlas, geometry, tiles, material };
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

  useFrame(() => {
    frameMesh = meshRef.current;
    frameAtlas = assets.atlas;
    frameTiles = assets.tiles.array as Float32Array;
    if (!frameMesh) return;
    frameIndex = 0;
    poses.forEach(placeTag);
    frameMesh.count = frameIndex;
    frameMesh.instanceMatrix.needsUpdate = true;
    assets.tiles.needsUpdate = true;
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
