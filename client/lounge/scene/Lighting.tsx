import { Lightformer } from '@react-three/drei';
import { useLayoutEffect, useRef } from 'react';
import type { DirectionalLight } from 'three';
import { useLayoverStore } from '../../core/store.ts';
import { LightformerEnvironment } from './LightformerEnvironment.tsx';
import { type RoomTheme, themeForRoom } from './roomTheme.ts';

const SHADOW_EXTENT = 26;

/**
 * Warm afternoon light: sun through the runway windows, a soft ambient fill, and an environment made only of
 * Lightformers (rendered locally; no HDRI is fetched) for gentle reflections on leather, brass and glass.
 */
export interface LightingProps {
  /** Image-based fill from Lightformers; off on software renderers, where the ambient light is raised instead. */
  environment?: boolean;
}

/** Each room's fill: the lounge's afternoon, the VIP's firelit amber, the suite's daylight, the hall's dimmed house. */
const FILL: Record<RoomTheme, { ambient: number; colour: string; sun: number }> = {
  main: { ambient: 1.1, colour: '#fff1dd', sun: 2.1 },
  vip: { ambient: 0.8, colour: '#ffcf9a', sun: 1.5 },
  suite: { ambient: 1.15, colour: '#f4f7ff', sun: 2.1 },
  hall: { ambient: 0.85, colour: '#ffe2c4', sun: 1.2 },
};

export function Lighting({ environment = true }: LightingProps) {
  const sun = useRef<DirectionalLight>(null);
  const fill = FILL[useLayoverStore((state) => themeForRoom(state.room))];
  // The environment light adds its own fill on capable renderers: the ambient keeps the same ratio, lower.
  const ambient = environment ? fill.ambient * 0.36 : fill.ambient;
  useLayoutEffect(() => {
    const light = sun.current;
    if (!light) return;
    const camera = light.shadow.camera;
    camera.left = -SHADOW_EXTENT;
    camera.right = SHADOW_EXTENT;
    camera.top = SHADOW_EXTENT;
    camera.bottom = -SHADOW_EXTENT;
    camera.near = 1;
    camera.far = 90;
    camera.updateProjectionMatrix();
  }, []);
  return (
    <>
      <color attach="background" args={['#a9d4f2']} />
      <fog attach="fog" args={['#cfe5f4', 90, 320]} />
      <ambientLight intensity={ambient} color={fill.colour} />
      <directionalLight
        ref={sun}
        position={[-18, 30, -30]}
        intensity={fill.sun}
        color="#ffe6c4"
        castShadow
        shadow-mapSize={[2048, 2048]}
        shadow-bias={-0.0004}
        shadow-normalBias={0.03}
        shadow-radius={3}
      />
      <directionalLight position={[12, 10, 20]} intensity={0.35} color="#ffd9b0" />
      {environment && (
        <LightformerEnvironment intensity={0.6}>
          <Lightformer
            form="rect"
            intensity={2.2}
            color="#fff0d8"
            position={[0, 8, 0]}
            rotation-x={Math.PI / 2}
            scale={[30, 20, 1]}
          />
          <Lightformer
            form="rect"
            intensity={1.6}
            color="#bfe3ff"
            position={[0, 3, -20]}
            scale={[40, 6, 1]}
          />
          <Lightformer
            form="rect"
            intensity={0.8}
            color="#ffc48a"
            position={[0, 3, 20]}
            rotation-y={Math.PI}
            scale={[40, 5, 1]}
          />
          <Lightformer
            form="ring"
            intensity={1.2}
            color="#ffd9a8"
            position={[-20, 4, 0]}
            rotation-y={Math.PI / 2}
            scale={4}
          />
        </LightformerEnvironment>
      )}
    </>
  );
}
