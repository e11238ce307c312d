import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * What is worth compressing: text, fonts (TTF/OTF compress to about half; woff2 and images do not) and glTF models
 * (meshopt's byte layout is made for a general compressor on top: brotli takes the lounge's 77 KB to 47 KB).
 */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.ttf',
  '.otf',
  '.wav',
  '.glb',
]);

/** A variant is kept only when it saves at least this share of the file. */
const MIN_SAVING = 0.1;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Writes `file.br` and `file.gz` beside each compressible file of `dir` that they make smaller; returns the count. */
export function precompress(dir: string): number {
  let written = 0;
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const raw = readFileSync(path);
    const variants: [string, Buffer][] = [
      [
        '.br',
        brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        }),
      ],
      ['.gz', gzipSync(raw, { level: 9 })],
    ];
    for (const [suffix, packed] of variants) {
      if (packed.length > raw.length * (1 - MIN_SAVING)) continue;
      writeFileSync(path + suffix, packed);
      written += 1;
    }
  }
  return written;
}

/** Vite plugin: after the client build, every compressible output gets its brotli and gzip twins. */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'layover-precompress',
    apply: 'build' as const,
    configResolved(config: { build: { outDir: string } }) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompress(outDir);
    },
  };
}
