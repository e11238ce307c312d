import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { registerRendererInfo } from '../../core/rendererInfo.ts';

/** Lets the end-to-end test read draw calls and triangles of the last frame (window.__layover.renderer()). */
export function RendererProbe() {
  const gl = useThree((state) => state.gl);
  useEffect(() => {
    registerRendererInfo(() => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles }));
    return () => registerRendererInfo(null);
  }, [gl]);
  return null;
}
