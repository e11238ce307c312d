import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Document, getBounds } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_SPECS, type ModelName } from '../../client/lounge/scene/models/modelSpecs.ts';
import { buildModels, MODELS_DIR, modelIO } from '../../scripts/models/build-models.ts';

const NAMES = Object.keys(MODEL_SPECS) as ModelName[];
/** How far a node's bounds may stray from the footprint the lounge places it in, metres. */
const TOLERANCE = 0.03;
const TOTAL_KB = 150;

const committed = new Map<string, Uint8Array>();
const documents = new Map<ModelName, Document>();

beforeAll(async () => {
  const io = await modelIO();
  for (const name of NAMES) {
    const bytes = new Uint8Array(await readFile(join(MODELS_DIR, MODEL_SPECS[name].file)));
    committed.set(MODEL_SPECS[name].file, bytes);
    documents.set(name, await io.readBinary(bytes));
  }
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the lounge models (scripts/models, assets/models)', () => {
  it('are what npm run models writes today, byte for byte', async () => {
    const fresh = await buildModels();
    expect([...fresh.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [file, bytes] of fresh) {
      expect(sha256(bytes), `${file} differs from a fresh build: run npm run models`).toBe(
        sha256(committed.get(file)!),
      );
    }
  });

  it('are meshopt-compressed glTF with WebP textures, together under 150 KB', () => {
    const total = [...committed.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    expect(total / 1024).toBeLessThan(TOTAL_KB);
    for (const document of documents.values()) {
      const root = document.getRoot();
      expect(root.listExtensionsUsed().map((extension) => extension.extensionName)).toContain(
        'EXT_meshopt_compression',
      );
      for (const texture of root.listTextures()) expect(texture.getMimeType()).toBe('image/webp');
    }
  });

  it('give every primitive normals and a named material, and every textured one texture coordinates', () => {
    for (const [name, document] of documents) {
      for (const mesh of document.getRoot().listMeshes()) {
        for (const primitive of mesh.listPrimitives()) {
          const material = primitive.getMaterial();
          expect(primitive.getAttribute('NORMAL'), `${name}/${mesh.getName()}`).not.toBeNull();
          expect(material?.getName(), `${name}/${mesh.getName()}`).toMatch(/\w/);
          if (material?.getBaseColorTexture()) expect(primitive.getAttribute('TEXCOORD_0')).not.toBeNull();
        }
      }
    }
  });

  it('fill the footprint the lounge places each node in, standing on the floor', () => {
    for (const [name, document] of documents) {
      const nodes = document.getRoot().listScenes()[0]!.listChildren();
      const specs: Record<string, { width: number; depth: number; height: number }> = MODEL_SPECS[name].nodes;
      expect(nodes.map((node) => node.getName()).sort()).toEqual(Object.keys(specs).sort());
      for (const node of nodes) {
        const spec = specs[node.getName()]!;
        const { min, max } = getBounds(node);
        const label = `${name}/${node.getName()}`;
        for (const [axis, size, what] of [
          [0, spec.width, 'width'],
          [2, spec.depth, 'depth'],
        ] as const) {
          expect(max[axis] - min[axis], `${label} ${what}`).toBeLessThanOrEqual(size + TOLERANCE);
          expect(max[axis] - min[axis], `${label} ${what}`).toBeGreaterThan(size * 0.8);
        }
        expect(max[1], `${label} height`).toBeLessThanOrEqual(spec.height + TOLERANCE);
        expect(max[1], `${label} height`).toBeGreaterThan(spec.height - 0.1);
        expect(Math.abs(min[0] + max[0]) / 2, `${label} centred in x`).toBeLessThan(TOLERANCE);
        expect(Math.abs(min[2] + max[2]) / 2, `${label} centred in z`).toBeLessThan(0.1);
      }
      const lowest = Math.min(...nodes.map((node) => getBounds(node).min[1]));
      expect(Math.abs(lowest), `${name} stands on y = 0`).toBeLessThan(0.005);
    }
  });
});
