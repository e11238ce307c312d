import { createPortal, useThree } from '@react-three/fiber';
import { type ReactNode, useLayoutEffect, useState } from 'react';
import { PMREMGenerator, Scene } from 'three';

export interface LightformerEnvironmentProps {
  children: ReactNode;
  /** Scales how strongly the environment lights and reflects on standard materials. */
  intensity?: number;
  /** PMREM blur, 0 (sharp) to about 0.1 (soft). */
  blur?: number;
}

/**
 * Renders its children (drei Lightformers) into an off-screen scene once and uses the result as the scene's
 * environment map. Like drei's <Environment> with children, without its HDRI loaders in the bundle.
 */
export function LightformerEnvironment({
  children,
  intensity = 1,
  blur = 0.04,
}: LightformerEnvironmentProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const [virtualScene] = useState(() => new Scene());

  useLayoutEffect(() => {
    const generator = new PMREMGenerator(gl);
    const target = generator.fromScene(virtualScene, blur);
    generator.dispose();
    const previous = scene.environment;
    const previousIntensity = scene.environmentIntensity;
    scene.environment = target.texture;
    scene.environmentIntensity = intensity;
    return () => {
      scene.environment = previous;
      scene.environmentIntensity = previousIntensity;
      target.dispose();
    };
  }, [gl, scene, virtualScene, blur, intensity]);

  return <>{createPortal(children, virtualScene)}</>;
}
