import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { LOUNGE_BOUNDS, loungeLayout } from '../../../shared/content/lounge-layout.ts';
import { layoutForRoom } from '../../../shared/content/room-layouts.ts';
import { CAMERA_LIMITS, cameraState } from '../../core/input/cameraState.ts';
import { poses } from '../../core/poses.ts';
import { useLayoverStore } from '../../core/store.ts';
import { yawBehind } from './cameraYaw.ts';
import { useCameraGestures } from './useCameraGestures.ts';

/** After avatar motion, before the meshes (still negative: rendering stays automatic). */
const CAMERA_PRIORITY = -1;
const LOOK_HEIGHT = 1.2;

/** The camera stays inside the side walls and in front of the departures board; the north wall is glass. */
const INSIDE = {
  minX: LOUNGE_BOUNDS.minX + 0.6,
  maxX: LOUNGE_BOUNDS.maxX - 0.6,
  maxZ: LOUNGE_BOUNDS.maxZ - 1.2,
};
const MIN_REACH = 0.15;

/** A smaller room's walls (the VIP, the suite): the camera stays inside all three solid ones. */
function insideOf(room: string | null): { minX: number; maxX: number; maxZ: number; south: boolean } {
  const bounds = layoutForRoom(room).bounds;
  if (!bounds) return { ...INSIDE, south: false };
  return { minX: bounds.minX + 0.6, maxX: bounds.maxX - 0.6, maxZ: bounds.maxZ - 0.6, south: true };
}

/** Shortens the camera's horizontal offset so it does not end up behind a solid wall. */
function keepInside(target: Vector3, desired: Vector3, room: string | null): void {
  const INSIDE = insideOf(room);
  const offsetX = desired.x - target.x;
  const offsetZ = desired.z - target.z;
  let reach = 1;
  if (INSIDE.south && desired.z > INSIDE.maxZ && offsetZ > 1e-6)
    reach = Math.min(reach, (INSIDE.maxZ - target.z) / offsetZ);
  if (desired.x > INSIDE.maxX && offsetX > 1e-6) reach = Math.min(reach, (INSIDE.maxX - target.x) / offsetX);
  if (desired.x < INSIDE.minX && offsetX < -1e-6) reach = Math.min(reach, (INSIDE.minX - target.x) / offsetX);
  reach = Math.max(MIN_REACH, reach);
  desired.x = target.x + offsetX * reach;
  desired.z = target.z + offsetZ * reach;
}

const _target = new Vector3(loungeLayout.spawn.x, LOOK_HEIGHT, loungeLayout.spawn.z);
const _desired = new Vector3();
const _look = new Vector3();
/** The session whose arrival the camera last turned to: each seat starts behind our avatar, looking where it faces. */
let alignedFor: string | null = null;

/** Third-person follow camera: orbits our avatar, eases after it (or snaps with reduced motion). */
export function CameraRig() {
  const gl = useThree((state) => state.gl);
  useCameraGestures(gl.domElement);

  useEffect(() => {
    cameraState.pitch = Math.min(CAMERA_LIMITS.maxPitch, Math.max(CAMERA_LIMITS.minPitch, cameraState.pitch));
  }, []);

  useFrame((state, dt) => {
    const { selfId, reducedMotion } = useLayoverStore.getState();
    const self = selfId ? poses.get(selfId) : undefined;
    if (self) _target.set(self.renderX, LOOK_HEIGHT, self.renderZ);
    const arriving = self !== undefined && selfId !== alignedFor;
    if (arriving) {
      alignedFor = selfId;
      cameraState.yaw = yawBehind(self.heading);
    }
    const horizontal = Math.cos(cameraState.pitch) * cameraState.distance;
    _desired.set(
      _target.x + Math.sin(cameraState.yaw) * horizontal,
      _target.y + Math.sin(cameraState.pitch) * cameraState.distance,
      _target.z + Math.cos(cameraState.yaw) * horizontal,
    );
    keepInside(_target, _desired, useLayoverStore.getState().room);
    const camera = state.camera;
    // Portrait phones see little sideways at 50°: widen the view a little.
    const fov = state.size.width < state.size.height * 0.8 ? 62 : 50;
    if ('fov' in camera && camera.fov !== fov) {
      camera.fov = fov;
      camera.updateProjectionMatrix();
    }
    if (reducedMotion || arriving) {
      camera.position.copy(_desired);
      _look.copy(_target);
    } else {
      const blend = 1 - Math.exp(-6 * dt);
      camera.position.lerp(_desired, blend);
      _look.lerp(_target, blend);
    }
    camera.lookAt(_look);
  }, CAMERA_PRIORITY);
  return null;
}
