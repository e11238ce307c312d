import { type BufferGeometry, type Material, Mesh, type Object3D } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

interface Bucket {
  material: Material;
  castShadow: boolean;
  receiveShadow: boolean;
  geometries: BufferGeometry[];
  sources: Mesh[];
}

const MERGEABLE_ATTRIBUTES = 'normal,position,uv';

/** Materials that look the same share a key, even when React created them as separate objects. */
function materialKey(material: Material): string {
  const m = material as Material & Record<string, unknown>;
  const hex = (value: unknown) =>
    value && typeof value === 'object' && 'getHexString' in value
      ? (value as { getHexString(): string }).getHexString()
      : '';
  const id = (value: unknown) =>
    value && typeof value === 'object' && 'uuid' in value ? String(value.uuid) : '';
  return [
    material.type,
    hex(m.color),
    hex(m.emissive),
    m.emissiveIntensity,
    m.roughness,
    m.metalness,
    material.transparent,
    material.opacity,
    material.side,
    m.flatShading,
    m.vertexColors,
    id(m.map),
  ].join('|');
}

function isMergeable(object: Object3D): object is Mesh {
  if (!(object instanceof Mesh) || Array.isArray(object.material)) return false;
  // Instanced meshes draw many copies from one geometry; baking would keep one copy at the origin.
  if ((object as { isInstancedMesh?: boolean }).isInstancedMesh) return false;
  if (!object.visible || object.geometry.index === null) return false;
  // Instanced geometry (troika text glyphs) draws per instance; baking it would lose the glyphs.
  if ((object.geometry as { isInstancedBufferGeometry?: boolean }).isInstancedBufferGeometry) return false;
  const names = Object.keys(object.geometry.attributes).sort().join(',');
  return names === MERGEABLE_ATTRIBUTES;
}

/**
 * Bakes every plain static mesh under `root` into one mesh per look (material + shadow flags), hiding the
 * originals. A lounge of a few hundred furniture parts then costs a few dozen draw calls. Returns an undo.
 */
export function mergeStaticMeshes(root: Object3D): () => void {
  root.updateWorldMatrix(true, true);
  const buckets = new Map<string, Bucket>();
  root.traverse((object) => {
    if (!isMergeable(object)) return;
    const material = object.material as Material;
    const key = `${materialKey(material)}|${object.castShadow}|${object.receiveShadow}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        material,
        castShadow: object.castShadow,
        receiveShadow: object.receiveShadow,
        geometries: [],
        sources: [],
      };
      buckets.set(key, bucket);
    }
    bucket.geometries.push(object.geometry.clone().applyMatrix4(object.matrixWorld));
    bucket.sources.push(object);
  });

  const merged: Mesh[] = [];
  const hidden: Mesh[] = [];
  const inverseRoot = root.matrixWorld.clone().invert();
  for (const bucket of buckets.values()) {
    if (bucket.sources.length < 2) {
      for (const geometry of bucket.geometries) geometry.dispose();
      continue;
    }
    const geometry = mergeGeometries(bucket.geometries);
    for (const part of bucket.geometries) part.dispose();
    if (!geometry) continue;
    geometry.applyMatrix4(inverseRoot);
    const mesh = new Mesh(geometry, bucket.material);
    mesh.castShadow = bucket.castShadow;
    mesh.receiveShadow = bucket.receiveShadow;
    mesh.name = 'merged-static';
    root.add(mesh);
    merged.push(mesh);
    for (const source of bucket.sources) {
      source.visible = false;
      hidden.push(source);
    }
  }
  return () => {
    for (const mesh of merged) {
      root.remove(mesh);
      mesh.geometry.dispose();
    }
    for (const source of hidden) source.visible = true;
  };
}
