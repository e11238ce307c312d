import { BufferAttribute, type BufferGeometry, type Color, type Material, Mesh, type Object3D } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';

interface Bucket {
  material: Material;
  castShadow: boolean;
  receiveShadow: boolean;
  geometries: BufferGeometry[];
  sources: Mesh[];
}

/** Materials that look the same but for their colour share a key, even when React created them as separate objects. */
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
    // The colour is baked into vertex colours (below) when the material has one; otherwise it must match.
    colorOf(material) ? 'baked' : hex(m.color),
    hex(m.emissive),
    m.emissiveIntensity,
    m.roughness,
    m.metalness,
    material.transparent,
    material.opacity,
    material.side,
    m.flatShading,
    id(m.map),
  ].join('|');
}

function colorOf(material: Material): Color | undefined {
  const color = (material as { color?: Color }).color;
  return color && typeof color.r === 'number' ? color : undefined;
}

/** Bakes the material's colour (times any vertex colours it already used) into the geometry's colour attribute. */
function bakeColor(geometry: BufferGeometry, material: Material): boolean {
  const color = colorOf(material);
  if (!color) return true;
  const count = geometry.attributes.position?.count ?? 0;
  const existing = (material as { vertexColors?: boolean }).vertexColors
    ? geometry.getAttribute('color')
    : undefined;
  if (existing && existing.itemSize !== 3) return false;
  const colors = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    colors[i * 3] = color.r * (existing ? existing.getX(i) : 1);
    colors[i * 3 + 1] = color.g * (existing ? existing.getY(i) : 1);
    colors[i * 3 + 2] = color.b * (existing ? existing.getZ(i) : 1);
  }
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  return true;
}

function isMergeable(object: Object3D): object is Mesh {
  if (!(object instanceof Mesh) || Array.isArray(object.material)) return false;
  // Instanced meshes draw many copies from one geometry; baking would keep one copy at the origin.
  if ((object as { isInstancedMesh?: boolean }).isInstancedMesh) return false;
  if (!object.visible || !object.geometry.attributes.position) return false;
  // Instanced geometry (troika text glyphs) draws per instance; baking it would lose the glyphs.
  if ((object.geometry as { isInstancedBufferGeometry?: boolean }).isInstancedBufferGeometry) return false;
  return Object.keys(object.geometry.morphAttributes).length === 0;
}

/** Geometries merge only with the same attributes and indexing (what mergeGeometries asks). */
function geometryKey(geometry: BufferGeometry): string {
  return `${Object.keys(geometry.attributes).sort().join(',')}|${geometry.index === null ? 'flat' : 'indexed'}`;
}

/**
 * Bakes every plain static mesh under `root` into one mesh per look (material but for its colour, which goes into
 * vertex colours, and shadow flags when the renderer draws shadows), hiding the originals. A lounge of a few hundred furniture parts then costs a few dozen draw calls.
 * Returns an undo.
 */
export function mergeStaticMeshes(root: Object3D, shadows = true): () => void {
  root.updateWorldMatrix(true, true);
  const buckets = new Map<string, Bucket>();
  root.traverse((object) => {
    if (!isMergeable(object)) return;
    const material = object.material as Material;
    const baked = object.geometry.clone().applyMatrix4(object.matrixWorld);
    if (!bakeColor(baked, material)) {
      baked.dispose();
      return;
    }
    // Without a shadow map the flags change nothing on screen, so meshes that differ only there share a draw call.
    const look = `${materialKey(material)}|${geometryKey(baked)}`;
    const key = shadows ? `${look}|${object.castShadow}|${object.receiveShadow}` : look;
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
    bucket.geometries.push(baked);
    bucket.sources.push(object);
  });

  const merged: Mesh[] = [];
  const hidden: Mesh[] = [];
  const materials: Material[] = [];
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
    const material = bucket.material.clone();
    const color = colorOf(material);
    if (color) {
      color.setRGB(1, 1, 1);
      (material as { vertexColors?: boolean }).vertexColors = true;
    }
    materials.push(material);
    const mesh = new Mesh(geometry, material);
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
    for (const material of materials) material.dispose();
  };
}
