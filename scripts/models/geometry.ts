import {
  type BufferGeometry,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  Float32BufferAttribute,
  LatheGeometry,
  Matrix4,
  Quaternion,
  type Shape,
  Vector2,
  Vector3,
} from 'three';
import { RoundedBoxGeometry } from 'three/addons/geometries/RoundedBoxGeometry.js';
import { mergeVertices } from 'three/addons/utils/BufferGeometryUtils.js';

export interface Placement {
  position?: [number, number, number];
  rotation?: [number, number, number];
  scale?: [number, number, number];
}

/** Moves, turns and scales a geometry in place (rotation in radians, XYZ order), returning it. */
export function place(geometry: BufferGeometry, { position, rotation, scale }: Placement): BufferGeometry {
  const matrix = new Matrix4().compose(
    new Vector3(...(position ?? [0, 0, 0])),
    new Quaternion().setFromEuler(new Euler(...(rotation ?? [0, 0, 0]))),
    new Vector3(...(scale ?? [1, 1, 1])),
  );
  return geometry.applyMatrix4(matrix);
}

/** A box with rounded edges and smooth normals, centred on the origin. */
export function roundedBox(width: number, height: number, depth: number, radius: number, segments = 2) {
  return new RoundedBoxGeometry(width, height, depth, segments, radius);
}

/** A solid of revolution around y from [radius, height] points, bottom to top. */
export function lathe(points: [number, number][], segments = 16): BufferGeometry {
  return new LatheGeometry(
    points.map(([r, y]) => new Vector2(r, y)),
    segments,
  );
}

/** A cylinder standing on y = 0 (three's is centred), tapering from bottom to top radius. */
export function post(top: number, bottom: number, height: number, segments = 8): BufferGeometry {
  return new CylinderGeometry(top, bottom, height, segments).translate(0, height / 2, 0);
}

/** Welds a geometry's corners and recomputes normals so bevels and curves shade smoothly. */
export function smooth(geometry: BufferGeometry): BufferGeometry {
  geometry.deleteAttribute('normal');
  geometry.deleteAttribute('uv');
  const welded = mergeVertices(geometry, 1e-4);
  welded.computeVertexNormals();
  return welded;
}

/** A plan shape (x, z in the shape's x and -y) extruded upward from y = 0 with rounded (bevelled) edges. */
export function extrudeUp(shape: Shape, height: number, bevel: number): BufferGeometry {
  const geometry = new ExtrudeGeometry(shape, {
    depth: height - bevel * 2,
    bevelEnabled: true,
    bevelThickness: bevel,
    bevelSize: bevel,
    bevelSegments: 2,
    curveSegments: 5,
  });
  // Extrusion runs along +z from -bevel; turn it to run up y and stand it on the floor.
  return smooth(geometry.rotateX(-Math.PI / 2).translate(0, bevel, 0));
}

/** A side profile (z, y in the shape's x, y) extruded along x, centred, with rounded edges. */
export function extrudeAcross(shape: Shape, width: number, bevel: number): BufferGeometry {
  const geometry = new ExtrudeGeometry(shape, {
    depth: width - bevel * 2,
    bevelEnabled: true,
    bevelThickness: bevel,
    bevelSize: bevel,
    bevelSegments: 2,
    curveSegments: 5,
  });
  return smooth(geometry.rotateY(Math.PI / 2).translate(-(width - bevel * 2) / 2, 0, 0));
}

/**
 * Texture coordinates projected on the face each vertex looks at most (box mapping), `perMetre` repeats a metre,
 * so a tiling weave or grain keeps its scale on every part.
 */
export function boxUv(geometry: BufferGeometry, perMetre: number): BufferGeometry {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const uv = new Float32Array(position.count * 2);
  for (let i = 0; i < position.count; i++) {
    const [x, y, z] = [position.getX(i), position.getY(i), position.getZ(i)];
    const [nx, ny, nz] = [Math.abs(normal.getX(i)), Math.abs(normal.getY(i)), Math.abs(normal.getZ(i))];
    const [u, v] = ny >= nx && ny >= nz ? [x, z] : nx >= nz ? [z, y] : [x, y];
    uv[i * 2] = u * perMetre;
    uv[i * 2 + 1] = v * perMetre;
  }
  geometry.setAttribute('uv', new Float32BufferAttribute(uv, 2));
  return geometry;
}
