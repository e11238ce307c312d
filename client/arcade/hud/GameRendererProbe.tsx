import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { registerGameRendererInfo } from '../../core/rendererInfo.ts';

/** Lets tests read the game scene's draw calls and triangles (window.__layover.gameRenderer()). */
export function GameRendererProbe() {
  const gl = useThree((state) => state.gl);
  useEffect(() => {
    registerGameRendererInfo(() => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles }));
    return () => registerGameRendererInfo(null);
  }, [gl]);
  return null;
}
