import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { BoxGeometry, type InstancedMesh, Matrix4, type MeshStandardMaterial } from 'three';
import { materials } from '../../../core/scene/palette.ts';
import { useLayoverStore } from '../../../core/store.ts';

export interface VipDoorLeavesProps {
  width: number;
  height: number;
  /** The lock light: red while closed, green once open. */
  lockLight: MeshStandardMaterial;
  /** Which room the door opens; only the VIP door remembers a successful join so far. */
  room?: 'vip' | 'suite';
}

/** Fraction of the travel covered per second. */
const OPEN_SPEED = 1.4;
const LOCKED = '#ff5a4f';
const UNLOCKED = '#4fdc7a';
const unitBox = new BoxGeometry(1, 1, 1);
const _matrix = new Matrix4();

/**
 * The two sliding leaves and their handles, instanced so the static merge leaves them movable (two draw
 * calls). They slide apart for members whose last VIP join succeeded; at once under reduced motion.
 */
export function VipDoorLeaves({ width, height, lockLight, room = 'vip' }: VipDoorLeavesProps) {
  const leaves = useRef<InstancedMesh>(null);
  const handles = useRef<InstancedMesh>(null);
  // -1: nothing written yet. A freshly mounted door starts shut, so holders see it slide open.
  const drawn = useRef(-1);
  const leaf = width / 2 - 0.1;
  const leafHeight = height - 0.12;

  useFrame((_, dt) => {
    const { vipAccess, reducedMotion } = useLayoverStore.getState();
    const target = room === 'vip' && vipAccess ? 1 : 0;
    const current = drawn.current;
    if (current === target || !leaves.current || !handles.current) return;
    const from = Math.max(current, 0);
    const step = OPEN_SPEED * Math.min(dt, 0.1);
    const open = reducedMotion
      ? target
      : from < target
        ? Math.min(target, from + step)
        : Math.max(target, from - step);
    drawn.current = open;
    const slide = open * (leaf + 0.08);
    for (const [index, side] of [-1, 1].entries()) {
      const x = side * (leaf / 2 + 0.02 + slide);
      _matrix.makeScale(leaf, leafHeight, 0.08).setPosition(x, (height - 0.1) / 2, 0.02 + open * 0.06);
      leaves.current.setMatrixAt(index, _matrix);
      _matrix
        .makeScale(0.04, 0.5, 0.04)
        .setPosition(side * (0.12 + slide), height * 0.45, 0.09 + open * 0.06);
      handles.current.setMatrixAt(index, _matrix);
    }
    leaves.current.instanceMatrix.needsUpdate = true;
    handles.current.instanceMatrix.needsUpdate = true;
    leaves.current.computeBoundingSphere();
    handles.current.computeBoundingSphere();
    const lock = open > 0.5 ? UNLOCKED : LOCKED;
    lockLight.color.set(lock);
    lockLight.emissive.set(lock);
  });

  return (
    <>
      <instancedMesh ref={leaves} args={[unitBox, materials.burgundy, 2]} />
      <instancedMesh ref={handles} args={[unitBox, materials.brass, 2]} />
    </>
  );
}
