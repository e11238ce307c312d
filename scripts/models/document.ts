import { Document, Logger, type Material, type Node, type Texture } from '@gltf-transform/core';
import { type BufferGeometry, Color } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { boxUv } from './geometry.ts';
import type { DetailTexture, MaterialSpec } from './materials.ts';
import { detailTexturePng } from './textures.ts';

/** Warnings only: the pipeline's progress notes (pruned accessors, unquantized tiling UVs) are expected. */
const QUIET = new Logger(Logger.Verbosity.ERROR);

/** One piece of a model: its geometry in the model's frame and what it is made of. */
export interface Part {
  geometry: BufferGeometry;
  material: MaterialSpec;
}

/** Builds one model's glTF document: named top-level nodes, each holding one mesh with a primitive per material. */
export class ModelDocument {
  readonly document = new Document();
  private readonly _buffer = this.document.createBuffer();
  private readonly _scene = this.document.createScene('Scene');
  private readonly _materials = new Map<string, Material>();
  private readonly _textures = new Map<DetailTexture, Texture>();

  /** Adds a node at the model's origin whose mesh joins `parts` by material. */
  async addNode(name: string, parts: Part[]): Promise<Node> {
    this.document.setLogger(QUIET);
    const mesh = this.document.createMesh(name);
    const byMaterial = new Map<string, Part[]>();
    for (const part of parts) {
      const list = byMaterial.get(part.material.name) ?? [];
      list.push(part);
      byMaterial.set(part.material.name, list);
    }
    for (const group of byMaterial.values()) {
      const spec = group[0]!.material;
      const geometry = joined(group.map((part) => part.geometry));
      if (spec.texture) boxUv(geometry, spec.texture.perMetre);
      const primitive = this.document.createPrimitive().setMaterial(await this._material(spec));
      primitive.setAttribute('POSITION', this._accessor(geometry, 'position', 'VEC3'));
      primitive.setAttribute('NORMAL', this._accessor(geometry, 'normal', 'VEC3'));
      if (spec.texture) primitive.setAttribute('TEXCOORD_0', this._accessor(geometry, 'uv', 'VEC2'));
      mesh.addPrimitive(primitive);
    }
    // The mesh hangs under the named node, so quantization's offset and scale never move the node the lounge places.
    const node = this.document
      .createNode(name)
      .addChild(this.document.createNode(`${name}-mesh`).setMesh(mesh));
    this._scene.addChild(node);
    return node;
  }

  private _accessor(geometry: BufferGeometry, name: string, type: 'VEC2' | 'VEC3') {
    const attribute = geometry.getAttribute(name);
    return this.document
      .createAccessor()
      .setType(type)
      .setArray(Float32Array.from(attribute.array as ArrayLike<number>))
      .setBuffer(this._buffer);
  }

  private async _material(spec: MaterialSpec): Promise<Material> {
    const known = this._materials.get(spec.name);
    if (known) return known;
    // glTF colour factors are linear; three's Color converts the palette's sRGB hex on the way in.
    const { r, g, b } = new Color(spec.color);
    const material = this.document
      .createMaterial(spec.name)
      .setBaseColorFactor([r, g, b, 1])
      .setRoughnessFactor(spec.roughness)
      .setMetallicFactor(spec.metalness);
    // glTF samplers repeat by default, which the tiling detail maps want.
    if (spec.texture) material.setBaseColorTexture(await this._texture(spec.texture.kind));
    this._materials.set(spec.name, material);
    return material;
  }

  private async _texture(kind: DetailTexture): Promise<Texture> {
    const known = this._textures.get(kind);
    if (known) return known;
    const texture = this.document
      .createTexture(kind)
      .setMimeType('image/png')
      .setURI(`${kind}.png`)
      .setImage(await detailTexturePng(kind));
    this._textures.set(kind, texture);
    return texture;
  }
}

/** Parts of one material as one non-indexed geometry with positions and normals (welded again later). */
function joined(geometries: BufferGeometry[]): BufferGeometry {
  const flat = geometries.map((geometry) => {
    const plain = geometry.index ? geometry.toNonIndexed() : geometry.clone();
    for (const name of Object.keys(plain.attributes)) {
      if (name !== 'position' && name !== 'normal') plain.deleteAttribute(name);
    }
    return plain;
  });
  const merged = mergeGeometries(flat);
  if (!merged) throw new Error('models: parts of one material could not be joined');
  return merged;
}
