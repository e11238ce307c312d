import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/**
 * Frames per second the lounge draws on a CPU rasteriser (SwiftShader, llvmpipe: a machine with no usable GPU). It
 * cannot keep 60 there, and every frame it tries takes the whole CPU from the page, the network and the rest of the
 * machine; 30 is smooth enough to walk and read.
 */
export const SOFTWARE_FPS = 30;

/** With the Canvas on `frameloop="demand"`, asks for a frame SOFTWARE_FPS times a second (useFrame's delta keeps
 * motion at the right speed). */
export function SoftwareFrameCap() {
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    const timer = setInterval(() => invalidate(), 1000 / SOFTWARE_FPS);
    return () => clearInterval(timer);
  }, [invalidate]);
  return null;
}
