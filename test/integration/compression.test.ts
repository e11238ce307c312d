import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, clientBuildIsStale } from '../../server/client-build.ts';
import type { RunningLayover } from '../../server/main.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { startTestLayover } from '../support/layover.ts';

// Page weight (issue 21): built files go out as their brotli or gzip twins written at build time, API responses are
// compressed on the fly, and a client that asks for neither gets the plain bytes.

const DIST = join(import.meta.dirname, '../../dist/client');
let layover: RunningLayover;
let script: string;

const get = (path: string, encoding?: string) =>
  fetch(`${layover.url.replace(/\/$/, '')}${path}`, {
    headers: encoding === undefined ? { 'accept-encoding': 'identity' } : { 'accept-encoding': encoding },
  });

beforeAll(async () => {
  if (clientBuildIsStale()) await buildClient();
  layover = await startTestLayover();
  const page = await (await get('/')).text();
  const src = /<script type="module" crossorigin src="([^"]+)"/.exec(page)?.[1];
  if (!src) throw new Error(`no module script in the lounge page: ${page.slice(0, 300)}`);
  script = src;
});

afterAll(async () => {
  await layover?.stop();
});

describe('built files', () => {
  it('the lounge script goes out brotli-encoded to a browser, decoding to the built file, cached for a year', async () => {
    const response = await get(script, 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const onDisk = await readFile(join(DIST, script));
    expect(Buffer.from(await response.arrayBuffer()).equals(onDisk)).toBe(true);
    const packed = await readFile(join(DIST, `${script}.br`));
    expect(packed.length).toBeLessThan(onDisk.length * 0.5);
  });

  it('gzip when brotli is not accepted, plain bytes when nothing is', async () => {
    const gzip = await get(script, 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await get(script);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const onDisk = await readFile(join(DIST, script));
    expect(Number(plain.headers.get('content-length'))).toBe(onDisk.length);
    expect(Buffer.from(await plain.arrayBuffer()).equals(onDisk)).toBe(true);
  });

  it('fonts are compressed too and revalidated hourly (their names carry no hash)', async () => {
    const font = await get('/fonts/DejaVuSans-latin-vi.ttf', 'br');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-encoding')).toBe('br');
    expect(font.headers.get('cache-control')).toBe('public, max-age=3600');
    const onDisk = await readFile(join(DIST, 'fonts/DejaVuSans-latin-vi.ttf'));
    expect(Buffer.from(await font.arrayBuffer()).equals(onDisk)).toBe(true);
  });

  it('a path that climbs out of the build is not served', async () => {
    const response = await get('/assets/..%2f..%2fpackage.json', 'br');
    expect(response.status).toBe(404);
  });
});

describe('API responses', () => {
  it('a JSON body over 1 KiB is compressed on the fly; a small one is not', async () => {
    const big = await get(routes.content.path, 'br');
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('br');
    expect(JSON.stringify(await big.json()).length).toBeGreaterThan(1024);
    const small = await get(routes.health.path, 'br');
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});
