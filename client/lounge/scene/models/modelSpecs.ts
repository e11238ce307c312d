/** The lounge's authored models: file, the nodes the scene places, and the box each one fills (metres, facing +z). */
export const MODEL_SPECS = {
  armchair: { file: 'armchair.glb', nodes: { Chair: { width: 0.8, depth: 0.78, height: 0.8 } } },
  sofa: {
    file: 'sofa.glb',
    // Frame and Cushion are authored one metre long and stretched along x to the seat; arms close both ends.
    nodes: {
      Arm: { width: 0.22, depth: 1, height: 0.62 },
      Frame: { width: 1, depth: 1, height: 0.8 },
      Cushion: { width: 1, depth: 0.74, height: 0.8 },
    },
  },
  plant: { file: 'plant.glb', nodes: { Plant: { width: 1, depth: 1, height: 1.6 } } },
  barStool: { file: 'bar-stool.glb', nodes: { Stool: { width: 0.44, depth: 0.44, height: 0.8 } } },
} as const;

export type ModelName = keyof typeof MODEL_SPECS;

/** Where the server serves a model (assets/models, Vite's public folder). */
export function modelUrl(name: ModelName): string {
  return `/models/${MODEL_SPECS[name].file}`;
}
