import { useLayoutEffect, useRef } from 'react';
import { BoxGeometry, type InstancedMesh, type Material, Matrix4, Quaternion, Vector3 } from 'three';

/** One box: centre x, y, z and full size w, h, d, with an optional turn about y. */
export type BoxSpec = readonly [
  x: number,
  y: number,
  z: number,
  w: number,
  h: number,
  d: number,
  rotY?: number,
];

export interface InstancedBoxesProps {
  boxes: readonly BoxSpec[];
  material: Material;
  castShadow?: boolean;
  receiveShadow?: boolean;
}

const unitBox = new BoxGeometry(1, 1, 1);
const _matrix = new Matrix4();
const _position = new Vector3();
const _scale = new Vector3();
const _rotation = new Quaternion();
const _up = new Vector3(0, 1, 0);

/** Many static boxes sharing one material in a single draw call (mullions, stripes, bottles). */
export function InstancedBoxes({
  boxes,
  material,
  castShadow = false,
  receiveShadow = false,
}: InstancedBoxesProps) {
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    boxes.forEach(([x, y, z, w, h, d, rotY = 0], index) => {
      _rotation.setFromAxisAngle(_up, rotY);
      _matrix.compose(_position.set(x, y, z), _rotation, _scale.set(w, h, d));
      mesh.setMatrixAt(index, _matrix);
    });
    mesh.count = boxes.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [boxes]);
  return (
    <instancedMesh
      ref={ref}
      args={[unitBox, material, Math.max(1, boxes.length)]}
      castShadow={castShadow}
      receiveShadow={receiveShadow}
    />
  );
}
