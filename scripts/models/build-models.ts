// The lounge's models, authored in code: `npm run models` writes assets/models/*.glb (committed). Meshopt-compressed
// geometry (EXT_meshopt_compression over KHR_mesh_quantization) and WebP detail textures (EXT_texture_webp); the
// same bytes on every run, which test/unit/models.test.ts holds the committed files to.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { dedup, meshopt, prune, textureCompress, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { MODEL_SPECS, type ModelName } from '../../client/lounge/scene/models/modelSpecs.ts';
import { buildArmchair } from './armchair.ts';
import { buildBarStool } from './barStool.ts';
import { ModelDocument } from './document.ts';
import { buildPlant } from './plant.ts';
import { buildSofa } from './sofa.ts';

export const MODELS_DIR = join(import.meta.dirname, '../../assets/models');

const AUTHORS: Record<ModelName, (model: ModelDocument) => Promise<void>> = {
  armchair: buildArmchair,
  sofa: buildSofa,
  plant: buildPlant,
  barStool: buildBarStool,
};

/** A NodeIO that reads and writes every extension the models use, meshopt included. */
export async function modelIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

/** Authors one model and runs it through the pipeline, returning the .glb bytes. */
export async function buildModel(name: ModelName, io: NodeIO): Promise<Uint8Array> {
  const model = new ModelDocument();
  model.document.getRoot().getAsset().generator = 'Layover scripts/models';
  await AUTHORS[name](model);
  await model.document.transform(
    dedup(),
    weld(),
    prune(),
    textureCompress({ encoder: sharp, targetFormat: 'webp', quality: 82, effort: 100 }),
    meshopt({ encoder: MeshoptEncoder, level: 'medium' }),
  );
  return io.writeBinary(model.document);
}

/** Every model's bytes by file name. */
export async function buildModels(): Promise<Map<string, Uint8Array>> {
  const io = await modelIO();
  const built = new Map<string, Uint8Array>();
  for (const name of Object.keys(MODEL_SPECS) as ModelName[]) {
    built.set(MODEL_SPECS[name].file, await buildModel(name, io));
  }
  return built;
}

if (process.argv[1] === import.meta.filename) {
  await mkdir(MODELS_DIR, { recursive: true });
  let total = 0;
  for (const [file, bytes] of await buildModels()) {
    await writeFile(join(MODELS_DIR, file), bytes);
    total += bytes.length;
    console.log(`${file}: ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  console.log(`models: ${(total / 1024).toFixed(1)} KB in ${MODELS_DIR}`);
}
