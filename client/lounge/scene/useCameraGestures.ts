import { useEffect } from 'react';
import { CAMERA_LIMITS, cameraState } from '../../core/input/cameraState.ts';

const ROTATE_PER_PIXEL = 0.006;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Drag to orbit, wheel or pinch to zoom, on the canvas element. Taps still reach the floor's click handler. */
export function useCameraGestures(element: HTMLElement): void {
  useEffect(() => {
    const pointers = new Map<number, { x: number; y: number }>();
    let pinchDistance = 0;

    const onPointerDown = (event: PointerEvent) => {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2) {
        const [a, b] = Array.from(pointers.values());
        if (a && b) pinchDistance = Math.hypot(a.x - b.x, a.y - b.y);
      }
    };
    const onPointerMove = (event: PointerEvent) => {
      const last = pointers.get(event.pointerId);
      if (!last) return;
      const dx = event.clientX - last.x;
      const dy = event.clientY - last.y;
      last.x = event.clientX;
      last.y = event.clientY;
      if (pointers.size === 1) {
        cameraState.yaw -= dx * ROTATE_PER_PIXEL;
        cameraState.pitch = clamp(
          cameraState.pitch + dy * ROTATE_PER_PIXEL * 0.6,
          CAMERA_LIMITS.minPitch,
          CAMERA_LIMITS.maxPitch,
        );
      } else if (pointers.size === 2) {
        const [a, b] = Array.from(pointers.values());
        if (!a || !b) return;
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (pinchDistance > 0) zoom(pinchDistance / distance);
        pinchDistance = distance;
      }
    };
    const onPointerUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      pinchDistance = 0;
    };
    const zoom = (factor: number) => {
      cameraState.distance = clamp(
        cameraState.distance * factor,
        CAMERA_LIMITS.minDistance,
        CAMERA_LIMITS.maxDistance,
      );
    };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      zoom(Math.exp(event.deltaY * 0.001));
    };

    element.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('wheel', onWheel);
    };
  }, [element]);
}
