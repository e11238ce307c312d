import sharp from 'sharp';
import type { DetailTexture } from './materials.ts';

const SIZE = 128;

/** A small seeded generator (mulberry32): the textures come out the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plain weave: threads 4 px wide alternating over and under, each with its own slub shade, and a little fuzz. */
function weave(x: number, y: number, random: () => number, slubs: number[]): number {
  const over = (Math.floor(x / 4) + Math.floor(y / 4)) % 2 === 0;
  const across = over ? y % 4 : x % 4;
  const thread = over ? Math.floor(y / 4) : Math.floor(x / 4) + SIZE / 4;
  const round = Math.sin(((across + 0.5) / 4) * Math.PI);
  return 0.72 + 0.2 * round + 0.05 * (slubs[thread] ?? 0) + 0.04 * random();
}

/** Pebbled hide: cells around seeded points, darker in the creases between neighbours. */
function grain(x: number, y: number, random: () => number, points: [number, number][]): number {
  let first = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  for (const [px, py] of points) {
    const dx = Math.min(Math.abs(x - px), SIZE - Math.abs(x - px));
    const dy = Math.min(Math.abs(y - py), SIZE - Math.abs(y - py));
    const d = Math.hypot(dx, dy);
    if (d < first) [first, second] = [d, first];
    else if (d < second) second = d;
  }
  const crease = Math.max(0, 1 - (second - first) / 2.5);
  return 0.9 - 0.22 * crease - 0.05 * (first / 8) + 0.03 * random();
}

/** A tiling greyscale detail map, 128 px square, as PNG bytes (the pipeline converts it to WebP). */
export async function detailTexturePng(kind: DetailTexture): Promise<Uint8Array> {
  const random = seeded(kind === 'weave' ? 21 : 42);
  const slubs = Array.from({ length: SIZE / 2 }, () => random() - 0.5);
  const points = Array.from({ length: 90 }, (): [number, number] => [random() * SIZE, random() * SIZE]);
  const pixels = Buffer.alloc(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const value = kind === 'weave' ? weave(x, y, random, slubs) : grain(x, y, random, points);
      const byte = Math.round(Math.min(1, Math.max(0, value)) * 255);
      pixels.fill(byte, (y * SIZE + x) * 3, (y * SIZE + x) * 3 + 3);
    }
  }
  const png = await sharp(pixels, { raw: { width: SIZE, height: SIZE, channels: 3 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(png);
}
