import { BufferGeometry, Float32BufferAttribute } from 'three';

/** A folded paper plane, nose along +x, about 0.6 m long: two wings and a keel, one draw call. */
export function createPaperPlaneGeometry(): BufferGeometry {
  const nose = [0.35, 0, 0];
  const tailCentre = [-0.25, 0.02, 0];
  const tailLeft = [-0.25, 0.04, -0.24];
  const tailRight = [-0.25, 0.04, 0.24];
  const tailKeel = [-0.25, -0.09, 0];
  const positions = [
    ...nose,
    ...tailCentre,
    ...tailLeft,
    ...nose,
    ...tailRight,
    ...tailCentre,
    ...nose,
    ...tailKeel,
    ...tailCentre,
  ];
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.computeVertexNormals();
  return geometry;
}
