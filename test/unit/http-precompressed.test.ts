import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../server/build-precompress.ts';
import { accepts, cacheControlFor } from '../../server/http/precompressed-static.ts';

describe('accepts (Accept-Encoding)', () => {
  it('finds an encoding among several, with or without a q value', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(accepts('gzip;q=0.8, br;q=1.0', 'br')).toBe(true);
    expect(accepts('gzip, deflate', 'br')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });

  it('treats q=0 as a refusal', () => {
    expect(accepts('br;q=0, gzip', 'br')).toBe(false);
    expect(accepts('br;q=0, gzip', 'gzip')).toBe(true);
  });
});

describe('cacheControlFor', () => {
  it("keeps Vite's hashed chunks a year and revalidates the rest hourly", () => {
    expect(cacheControlFor('/assets/index-Bx1.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/fonts/DejaVuSans-latin-vi.ttf')).toBe('public, max-age=3600');
  });
});

describe('precompress', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layover-precompress-'));
    await writeFile(join(dir, 'app.js'), 'console.log("lounge");\n'.repeat(200));
    await writeFile(join(dir, 'tiny.css'), 'a{}');
    await writeFile(join(dir, 'photo.webp'), Buffer.alloc(4096, 7));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes brotli and gzip twins that decode to the file, only where they save space', async () => {
    expect(precompress(dir)).toBe(2);
    const raw = await readFile(join(dir, 'app.js'));
    expect(brotliDecompressSync(await readFile(join(dir, 'app.js.br')))).toEqual(raw);
    expect(gunzipSync(await readFile(join(dir, 'app.js.gz')))).toEqual(raw);
    // Three bytes do not shrink; images are not text.
    await expect(readFile(join(dir, 'tiny.css.br'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(dir, 'photo.webp.br'))).rejects.toThrow(/ENOENT/);
  });
});
