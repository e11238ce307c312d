import {
  BufferAttribute,
  type BufferGeometry,
  type Material,
  Matrix4,
  type Mesh,
  type Object3D,
} from 'three';
import { materials } from '../../../core/scene/palette.ts';

/** One mesh of a model in its node's frame, ready to draw and to merge with the scenery. */
export interface ModelPart {
  geometry: BufferGeometry;
  material: Material;
}

const cache = new WeakMap<Object3D, Map<string, ModelPart[]>>();
const _relative = new Matrix4();

/** Plain float attributes (meshopt's quantized, interleaved ones decoded), so the parts merge with box geometry. */
function plainGeometry(source: BufferGeometry, matrix: Matrix4): BufferGeometry {
  const geometry = source.clone();
  for (const [name, attribute] of Object.entries(source.attributes)) {
    const values = new Float32Array(attribute.count * attribute.itemSize);
    for (let i = 0; i < attribute.count; i++) {
      for (let c = 0; c < attribute.itemSize; c++)
        values[i * attribute.itemSize + c] = attribute.getComponent(i, c);
    }
    geometry.setAttribute(name, new BufferAttribute(values, attribute.itemSize));
  }
  // The scenery's boxes carry texture coordinates; parts without a texture get zeros so they share a merge bucket.
  if (!geometry.getAttribute('uv')) {
    geometry.setAttribute(
      'uv',
      new BufferAttribute(new Float32Array(geometry.attributes.position!.count * 2), 2),
    );
  }
  return geometry.applyMatrix4(matrix);
}

const byName = new Map<string, Material>(Object.entries(materials));

/**
 * One material per name across all models: a plain one named after a palette material becomes that shared material,
 * and a textured one found in two files (the stools' and sofas' hide) is loaded once, so each merges into one draw call.
 */
function sharedMaterial(material: Material): Material {
  const known = byName.get(material.name);
  if (known) return known;
  if (material.name) byName.set(material.name, material);
  return material;
}

/**
 * A loaded model's meshes, grouped by the top-level node they belong to, baked into that node's frame. Computed once
 * per loaded scene and shared by every copy of the model in the lounge.
 */
export function modelParts(scene: Object3D): Map<string, ModelPart[]> {
  const known = cache.get(scene);
  if (known) return known;
  scene.updateMatrixWorld(true);
  const byNode = new Map<string, ModelPart[]>();
  for (const node of scene.children) {
    const inverse = node.matrixWorld.clone().invert();
    const parts: ModelPart[] = [];
    node.traverse((object) => {
      const mesh = object as Mesh;
      if (!mesh.isMesh || Array.isArray(mesh.material)) return;
      _relative.multiplyMatrices(inverse, mesh.matrixWorld);
      parts.push({
        geometry: plainGeometry(mesh.geometry, _relative),
        material: sharedMaterial(mesh.material),
      });
    });
    byNode.set(node.name, parts);
  }
  cache.set(scene, byNode);
  return byNode;
}
