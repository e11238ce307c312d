import { useThree } from '@react-three/fiber';
import { type ReactNode, useLayoutEffect, useRef } from 'react';
import type { Group } from 'three';
import { mergeStaticMeshes } from './mergeStatic.ts';

export interface StaticGroupProps {
  children: ReactNode;
}

/** Scenery that never moves: its meshes are merged by material after mount to save draw calls. */
export function StaticGroup({ children }: StaticGroupProps) {
  const ref = useRef<Group>(null);
  const shadows = useThree((state) => state.gl.shadowMap.enabled);
  useLayoutEffect(() => {
    const group = ref.current;
    return group ? mergeStaticMeshes(group, shadows) : undefined;
  }, [shadows]);
  return <group ref={ref}>{children}</group>;
}
