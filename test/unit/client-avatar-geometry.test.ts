import type { BufferGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { createAvatarGeometry } from '../../client/lounge/scene/avatars/avatarGeometry.ts';
import {
  Group,
  HEAD_Y,
  Part,
  shows,
  Tint,
  WEAR_KINDS,
} from '../../client/lounge/scene/avatars/avatarParts.ts';
import { HAIR_STYLES, OUTFITS } from '../../shared/avatar-look.ts';

const near = createAvatarGeometry('near');
const far = createAvatarGeometry('far');
const triangles = (geometry: BufferGeometry) => (geometry.index?.count ?? 0) / 3;

interface Vertex {
  x: number;
  y: number;
  z: number;
  part: number;
  group: number;
  mask: number;
  tint: number;
}

function vertices(geometry: BufferGeometry): Vertex[] {
  const position = geometry.getAttribute('position');
  const part = geometry.getAttribute('aPart');
  return Array.from({ length: position.count }, (_, i) => ({
    x: position.getX(i),
    y: position.getY(i),
    z: position.getZ(i),
    part: part.getX(i),
    group: part.getY(i) as Group,
    mask: part.getZ(i),
    tint: part.getW(i),
  }));
}

/** The vertices a look with these choices shows (outfit, hair, wear kind as indices). */
function shown(all: Vertex[], outfit: number, hair: number, wear: number): Vertex[] {
  const value = (group: number) => [0, outfit, hair, wear][group] ?? 0;
  return all.filter((v) => shows(v.group as Group, v.mask, value(v.group)));
}

const widest = (list: Vertex[], below: number) =>
  Math.max(...list.filter((v) => v.y < below).map((v) => Math.abs(v.x)));

describe('the avatar geometry', () => {
  const all = vertices(near);

  it('tags every vertex with a part, a group and a tint', () => {
    expect(all.every((v) => v.part >= Part.trunk && v.part <= Part.legLeft)).toBe(true);
    expect(all.every((v) => v.tint >= Tint.skin && v.tint <= Tint.fixed)).toBe(true);
    expect(all.every((v) => v.group >= Group.always && v.group <= Group.wear)).toBe(true);
    expect(near.getAttribute('color').count).toBe(all.length);
  });

  it('puts limbs on their own side of the body and below their pivots', () => {
    const of = (part: Part) => all.filter((v) => v.part === part);
    expect(of(Part.armRight).every((v) => v.x < -0.1)).toBe(true);
    expect(of(Part.armLeft).every((v) => v.x > 0.1)).toBe(true);
    expect(of(Part.legRight).every((v) => v.x < 0 && v.y < 0.95)).toBe(true);
    expect(of(Part.legLeft).every((v) => v.x > 0 && v.y < 0.95)).toBe(true);
    expect(of(Part.head).every((v) => v.y > 1.05)).toBe(true);
  });

  it('gives each outfit its own shapes: a dress flares below the waist, trousers only without one', () => {
    const dress = shown(all, OUTFITS.indexOf('dress'), 0, 0);
    const jacket = shown(all, OUTFITS.indexOf('jacket'), 0, 0);
    const uniform = shown(all, OUTFITS.indexOf('uniform'), 0, 0);
    const hoodie = shown(all, OUTFITS.indexOf('hoodie'), 0, 0);
    expect(widest(dress, 0.5)).toBeGreaterThan(0.35);
    expect(widest(jacket, 0.5)).toBeLessThan(0.25);
    const counts = new Set([dress, jacket, uniform, hoodie].map((list) => list.length));
    expect(counts.size).toBe(4);
    const trousers = all.filter((v) => v.part === Part.legLeft && v.tint === Tint.outfit);
    expect(trousers.length).toBeGreaterThan(0);
    expect(trousers.every((v) => !shows(Group.outfit, v.mask, OUTFITS.indexOf('dress')))).toBe(true);
  });

  it('shows hair for every style but none, each style different, all in the hair colour', () => {
    const hair = all.filter((v) => v.group === Group.hair);
    expect(hair.every((v) => v.tint === Tint.hair && v.part === Part.head)).toBe(true);
    const counts = HAIR_STYLES.map(
      (style) => hair.filter((v) => shows(Group.hair, v.mask, HAIR_STYLES.indexOf(style))).length,
    );
    expect(counts[0]).toBe(0);
    expect(counts.slice(1).every((count) => count > 0)).toBe(true);
    expect(new Set(counts).size).toBe(HAIR_STYLES.length);
  });

  it('puts a cap on the head and a badge on the chest, in the wearable colour, only when worn', () => {
    const worn = (kind: (typeof WEAR_KINDS)[number]) =>
      all.filter((v) => v.group === Group.wear && shows(Group.wear, v.mask, WEAR_KINDS.indexOf(kind)));
    expect(worn('none')).toEqual([]);
    expect(worn('cap').every((v) => v.part === Part.head && v.y > HEAD_Y && v.tint === Tint.wear)).toBe(true);
    expect(worn('badge').every((v) => v.part === Part.trunk && v.z > 0.13)).toBe(true);
    expect(worn('badge').some((v) => v.tint === Tint.wear)).toBe(true);
  });

  it('has a face on the +z side: eyes in a fixed dark colour', () => {
    const eyes = all.filter((v) => v.part === Part.head && v.tint === Tint.fixed);
    expect(eyes.length).toBeGreaterThan(0);
    expect(eyes.every((v) => v.z > 0.15)).toBe(true);
  });

  it('builds the far level of detail with a fraction of the triangles', () => {
    expect(triangles(near)).toBeLessThan(4000);
    expect(triangles(far)).toBeLessThan(triangles(near) / 4);
    const farAll = vertices(far);
    expect(widest(shown(farAll, OUTFITS.indexOf('dress'), 0, 0), 0.5)).toBeGreaterThan(0.35);
  });
});
