import { useGLTF } from '@react-three/drei';
import { type ModelPart, modelParts } from './modelParts.ts';
import { MODEL_SPECS, type ModelName, modelUrl } from './modelSpecs.ts';

/** Never Draco (drei would fetch its decoder from a CDN); meshopt's decoder is inline WebAssembly. */
const DRACO = false;
const MESHOPT = true;

/** The parts of one node of a lounge model; suspends until the model has loaded. */
export function useModelParts<Name extends ModelName>(
  name: Name,
  node: keyof (typeof MODEL_SPECS)[Name]['nodes'] & string,
): ModelPart[] {
  const { scene } = useGLTF(modelUrl(name), DRACO, MESHOPT);
  const parts = modelParts(scene).get(node);
  if (!parts) throw new Error(`models: ${MODEL_SPECS[name].file} has no node ${node}`);
  return parts;
}

/** Starts every model's download at once, before the first piece of furniture asks for one. */
export function preloadModels(): void {
  for (const name of Object.keys(MODEL_SPECS) as ModelName[]) useGLTF.preload(modelUrl(name), DRACO, MESHOPT);
}

// All four files fetch in parallel as soon as the lounge's scene code loads, rather than one after another as each
// suspended piece of furniture is reached.
preloadModels();
