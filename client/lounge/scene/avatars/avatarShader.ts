import { PIVOTS } from './avatarParts.ts';

const f = (value: number) => value.toFixed(4);
const pivot = (part: keyof typeof PIVOTS) => `vec3(${PIVOTS[part].map(f).join(', ')})`;

/** Hip drop while walking: both feet stay on the floor at the ends of a stride (motion.ts uses it for renderBob). */
export const LEG_LENGTH = 0.8;
/** Largest leg swing in radians, at full walking amount. */
export const LEG_SWING = 0.55;

/**
 * GLSL declarations for the avatar's vertex shader: per-vertex aPart (part, group, mask, tint) and per-instance
 * aLook (palette indices), aStyle (build, outfit, hair, wear kind), aWear (wear colour), aMotion (walk phase, walk
 * amount, emote, emote seconds) and aIdle (breathing phase). avatarPose turns each limb about its pivot.
 */
export function avatarPoseGlsl(sizes: { skin: number; cloth: number; hair: number; emoteSeconds: number }) {
  return /* glsl */ `
attribute vec4 aPart;
attribute vec4 aLook;
attribute vec4 aStyle;
attribute vec3 aWear;
attribute vec4 aMotion;
attribute float aIdle;
uniform vec3 uSkin[${sizes.skin}];
uniform vec3 uCloth[${sizes.cloth}];
uniform vec3 uHair[${sizes.hair}];

mat3 avatarRotX(float a) { float c = cos(a); float s = sin(a); return mat3(1.0, 0.0, 0.0, 0.0, c, s, 0.0, -s, c); }
mat3 avatarRotY(float a) { float c = cos(a); float s = sin(a); return mat3(c, 0.0, -s, 0.0, 1.0, 0.0, s, 0.0, c); }
mat3 avatarRotZ(float a) { float c = cos(a); float s = sin(a); return mat3(c, s, 0.0, -s, c, 0.0, 0.0, 0.0, 1.0); }

float avatarShown() {
  float group = aPart.y;
  if (group < 0.5) return 1.0;
  float value = group < 1.5 ? aStyle.y : (group < 2.5 ? aStyle.z : aStyle.w);
  return mod(floor(aPart.z / exp2(value) + 0.001), 2.0);
}

vec3 avatarTint() {
  float tint = aPart.w;
  if (tint < 0.5) return uSkin[int(aLook.x + 0.5)];
  if (tint < 1.5) return uCloth[int(aLook.y + 0.5)];
  if (tint < 2.5) return uCloth[int(aLook.z + 0.5)];
  if (tint < 3.5) return uHair[int(aLook.w + 0.5)];
  if (tint < 4.5) return aWear;
  return vec3(1.0);
}

void avatarPose(vec3 p, vec3 n, out vec3 posed, out vec3 normalOut) {
  if (avatarShown() < 0.5) {
    posed = vec3(0.0);
    normalOut = vec3(0.0, 1.0, 0.0);
    return;
  }
  float part = aPart.x;
  float build = aStyle.x;
  float width = build < 0.5 ? 0.9 : (build < 1.5 ? 1.0 : 1.16);
  float limb = build < 0.5 ? 0.86 : (build < 1.5 ? 1.0 : 1.16);
  float swing = cos(aMotion.x) * ${f(LEG_SWING)} * aMotion.y;
  float breath = sin(aIdle);
  float emote = aMotion.z;
  float t = aMotion.w;
  float e = emote < 0.5 ? 0.0 : smoothstep(0.0, 0.25, t) * (1.0 - smoothstep(${f(sizes.emoteSeconds - 0.45)}, ${f(sizes.emoteSeconds)}, t));

  vec3 pivot = ${pivot(0)};
  float side = 0.0;
  float pitch = 0.0;
  float roll = 0.0;
  float yaw = 0.0;
  vec3 local;
  if (part < 0.5) {
    local = p - pivot;
    local.xz *= vec2(width, mix(1.0, width, 0.6)) * (1.0 + 0.012 * breath);
  } else if (part < 1.5) {
    pivot = ${pivot(1)};
    local = p - pivot;
    pitch = 0.035 * sin(aIdle * 0.5) - 0.22 * e * step(2.5, emote);
    roll = 0.04 * sin(aIdle * 0.37) + 0.12 * e * (1.0 - step(1.5, emote));
  } else if (part < 3.5) {
    side = part < 2.5 ? -1.0 : 1.0;
    pivot = part < 2.5 ? ${pivot(2)} : ${pivot(3)};
    local = p - pivot;
    local.xz *= limb;
    pivot.x *= width;
    pitch = side * swing * 0.8 + 0.04 * breath;
    roll = side * 0.1;
    if (emote > 0.5 && emote < 1.5 && side < 0.0) {
      pitch = mix(pitch, -0.3, e);
      roll = mix(roll, side * (2.45 + 0.32 * sin(t * 11.0)), e);
    } else if (emote > 1.5 && emote < 2.5) {
      pitch = mix(pitch, -1.2, e);
      yaw = -side * e * (0.47 + 0.11 * sin(t * 16.0));
    } else if (emote > 2.5) {
      pitch = mix(pitch, -0.2, e);
      roll = mix(roll, side * (2.7 + 0.15 * sin(t * 9.0)), e);
    }
  } else {
    side = part < 4.5 ? -1.0 : 1.0;
    pivot = part < 4.5 ? ${pivot(4)} : ${pivot(5)};
    local = p - pivot;
    local.xz *= limb;
    pivot.x *= mix(1.0, width, 0.7);
    pitch = -side * swing;
  }
  mat3 turn = avatarRotY(yaw) * avatarRotZ(roll) * avatarRotX(pitch);
  float drop = ${f(LEG_LENGTH)} * (1.0 - cos(swing));
  float hop = emote > 2.5 ? 0.06 * e * abs(sin(t * 6.0)) : 0.0;
  posed = pivot + turn * local + vec3(0.0, hop - drop, 0.0);
  normalOut = normalize(turn * n);
}
`;
}
