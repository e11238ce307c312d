import { keyAxes, stickAxes } from './axes.ts';
import { cameraState } from './cameraState.ts';
import { applyIntent } from './steering.ts';

/**
 * Turns the held keys or the joystick into a world direction relative to the camera and applies it.
 * Called on every input change (so a release stops at once, even in a background tab) and every frame
 * (so turning the camera while walking bends the path).
 */
export function steerFromAxes(): void {
  const useStick = stickAxes.x !== 0 || stickAxes.y !== 0;
  const right = useStick ? stickAxes.x : keyAxes.x;
  const forward = useStick ? stickAxes.y : keyAxes.y;
  const sin = Math.sin(cameraState.yaw);
  const cos = Math.cos(cameraState.yaw);
  applyIntent(cos * right - sin * forward, -sin * right - cos * forward);
}
