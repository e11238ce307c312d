import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { registerRendererInfo } from '../../core/rendererInfo.ts';
import { sceneTextureMemory } from '../../core/scene/textureMemory.ts';

/** Lets tests and benches read draw calls, triangles and texture memory of the last frame (window.__layover.renderer()). */
export function RendererProbe() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  useEffect(() => {
    registerRendererInfo(() => ({
      calls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      ...sceneTextureMemory(scene),
    }));
    return () => registerRendererInfo(null);
  }, [gl, scene]);
  return null;
}
