import { ShaderMaterial, type Texture, Vector2 } from 'three';

const vertexShader = /* glsl */ `
attribute vec4 aTile;
attribute float aAlpha;
uniform vec2 uSize;
varying vec2 vUv;
varying float vAlpha;
void main() {
  vUv = aTile.xy + uv * aTile.zw;
  vAlpha = aAlpha;
  vec4 center = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
  float scale = length(instanceMatrix[0].xyz);
  center.xy += position.xy * uSize * scale;
  gl_Position = projectionMatrix * center;
}
`;

const fragmentShader = /* glsl */ `
uniform sampler2D uMap;
varying vec2 vUv;
varying float vAlpha;
void main() {
  vec4 color = texture2D(uMap, vUv);
  color.a *= vAlpha;
  if (color.a < 0.02) discard;
  gl_FragColor = color;
  #include <colorspace_fragment>
}
`;

/**
 * Camera-facing quads for an InstancedMesh: each instance picks its own tile of an atlas (attribute aTile:
 * u, v, width, height) and opacity (aAlpha), so every label in the room is one draw call.
 */
export function createBillboardMaterial(map: Texture, width: number, height: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uMap: { value: map }, uSize: { value: new Vector2(width, height) } },
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
  });
}
