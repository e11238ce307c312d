import { useFrame } from '@react-three/fiber';
import { cameraTurn } from '../../../core/input/axes.ts';
import { cameraState } from '../../../core/input/cameraState.ts';
import { steerFromAxes } from '../../../core/input/steerFromAxes.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { updateRenderPoses } from './motion.ts';

/** Runs before everything else each frame (negative priority; it does not take over rendering). */
const MOTION_PRIORITY = -2;
const TURN_SPEED = 1.8;

/** Steering and every avatar's render pose for this frame, in one place, before the meshes read them. */
export function AvatarMotion() {
  useFrame((_, dt) => {
    const { selfId, reducedMotion } = useLayoverStore.getState();
    cameraState.yaw -= cameraTurn.value * TURN_SPEED * dt;
    steerFromAxes();
    updateRenderPoses(performance.now(), dt, selfId, reducedMotion);
  }, MOTION_PRIORITY);
  return null;
}
