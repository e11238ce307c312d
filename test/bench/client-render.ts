// The client at scale: draw calls with 1, 100 and 300 avatars in headless Chromium (SwiftShader), and the initial
// JavaScript of the built client, gzipped. `npx tsx test/bench/client-render.ts`
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { LOUNGE_BOUNDS } from '../../shared/content/lounge-layout.ts';
import { RoomName } from '../../shared/rooms.ts';
import { launchChromium } from '../support/browser.ts';
import { enterAsGuest, type LayoverWindow } from '../support/lounge-page.ts';
import { serveBuild } from './scale/build-proxy.ts';
import { joinMany, RawMember } from './scale/raw-member.ts';
import { fixed, machineFacts, met, sleep, table } from './scale/report.ts';
import { startBenchServer } from './scale/server-process.ts';

const ROOT = join(import.meta.dirname, '../..');
const COMMAND = 'npx tsx test/bench/client-render.ts';
const INITIAL_JS_TARGET_KB = 420;
const CALLS_TARGET = 60;
const CALLS_PER_AVATAR_TARGET = 0.05;
/** Bots stand on a disc this wide around the page's avatar, in view of its camera. */
const NEAR_M = 5;

interface RenderWindow {
  __layover: LayoverWindow['__layover'] & {
    renderer: () => { calls: number; triangles: number; textures?: number; textureBytes?: number } | null;
  };
}

/** The JS index.html loads before any dynamic import: its module scripts and modulepreloads, gzipped (zlib default). */
function initialJs(outDir: string): { files: { name: string; raw: number; gzip: number }[] } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => match[1]!);
  return {
    files: urls.map((url) => {
      const bytes = readFileSync(join(outDir, url));
      return { name: url, raw: bytes.length, gzip: gzipSync(bytes).length };
    }),
  };
}

/** Draw calls and triangles over a few frames (the most seen), and how many avatars the page has. */
async function sampleRenderer(page: Page): Promise<{
  calls: number;
  minCalls: number;
  triangles: number;
  textures: number;
  textureBytes: number;
  avatars: number;
}> {
  const samples: { calls: number; triangles: number; textures?: number; textureBytes?: number }[] = [];
  for (let i = 0; i < 8; i++) {
    await sleep(300);
    const info = await page.evaluate(() => (window as unknown as RenderWindow).__layover.renderer());
    if (info) samples.push(info);
  }
  const avatars = await page.evaluate(() => (window as unknown as RenderWindow).__layover.poses().length);
  return {
    calls: Math.max(...samples.map((s) => s.calls)),
    minCalls: Math.min(...samples.map((s) => s.calls)),
    triangles: Math.max(...samples.map((s) => s.triangles)),
    textures: Math.max(...samples.map((s) => s.textures ?? 0)),
    textureBytes: Math.max(...samples.map((s) => s.textureBytes ?? 0)),
    avatars,
  };
}

const outDir = await mkdtemp(join(tmpdir(), 'layover-client-'));
// Built into a temp folder: dist/client may be serving someone else's server at the same time.
const build = spawnSync(
  join(ROOT, 'node_modules/.bin/vite'),
  ['build', '--outDir', outDir, '--emptyOutDir'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
);
if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
const { files } = initialJs(outDir);
const initialGzipKb = files.reduce((sum, file) => sum + file.gzip, 0) / 1000;

const server = await startBenchServer({ loungeCapacity: 400 });
// The fresh build is served from its temp folder, everything else forwarded to the server, on one loopback origin.
const site = await serveBuild(outDir, server.url);
const browser = await launchChromium();
const bots: RawMember[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  if (process.env.DEBUG_RENDER)
    page.on('requestfailed', (r) => console.log('failed', r.url(), r.failure()?.errorText));
  const self = await enterAsGuest(page, site.url, 'Render probe').catch(async (error) => {
    await page.screenshot({ path: join(tmpdir(), 'layover-client-render-failed.png') });
    throw new Error(
      `the page did not enter the lounge (screenshot in ${tmpdir()}): ${consoleErrors.join('\n')}`,
      {
        cause: error,
      },
    );
  });
  await page.waitForFunction(
    () => ((window as unknown as RenderWindow).__layover.renderer()?.calls ?? 0) > 0,
    null,
    {
      timeout: 60_000,
    },
  );
  // What the page really fetched to show the lounge: the initial JS plus the lazily loaded scene and networking.
  const loungeJs = [...new Set(site.served.filter((path) => path.endsWith('.js')))].map((path) => ({
    name: path,
    gzip: gzipSync(readFileSync(join(outDir, path))).length,
  }));
  const loungeGzipKb = loungeJs.reduce((sum, file) => sum + file.gzip, 0) / 1000;
  const home = await page.evaluate(
    (id) => (window as unknown as RenderWindow).__layover.poses().find((pose) => pose.sessionId === id)!,
    self,
  );
  const lounge = (await server.rooms()).find((room) => room.name === RoomName.lounge)!;
  const tokens = await server.sessions(299, 'r');

  const rows: {
    avatars: number;
    seen: number;
    calls: number;
    minCalls: number;
    triangles: number;
    textures: number;
    textureBytes: number;
  }[] = [];
  const measure = async (avatars: number) => {
    const expected = Math.min(avatars, 101);
    await page.waitForFunction(
      (n) => (window as unknown as RenderWindow).__layover.poses().length >= n,
      expected,
      { timeout: 60_000 },
    );
    await sleep(3000); // walking into place
    const sample = await sampleRenderer(page);
    rows.push({ ...sample, avatars, seen: sample.avatars });
    console.log(`  ${avatars} avatars (${sample.avatars} on the page): ${sample.calls} draw calls`);
  };
  const addBots = async (count: number) => {
    const joined = await joinMany(count, 10, (i) =>
      RawMember.join(server.url, 'joinById', lounge.roomId, { token: tokens[bots.length + i]! }),
    );
    for (const bot of joined) {
      const angle = Math.random() * Math.PI * 2;
      const radius = 1 + Math.sqrt(Math.random()) * (NEAR_M - 1);
      const x = Math.max(
        LOUNGE_BOUNDS.minX + 1,
        Math.min(LOUNGE_BOUNDS.maxX - 1, home.x + Math.cos(angle) * radius),
      );
      const z = Math.max(
        LOUNGE_BOUNDS.minZ + 1,
        Math.min(LOUNGE_BOUNDS.maxZ - 1, home.z + Math.sin(angle) * radius),
      );
      bot.moveTo(x, z);
    }
    bots.push(...joined);
  };

  await measure(1);
  await addBots(99);
  await measure(100);
  await addBots(200);
  await measure(300);

  const base = rows[0]!;
  const perAvatar = (row: (typeof rows)[number]) => (row.calls - base.calls) / (row.avatars - base.avatars);
  const worst = Math.max(...rows.slice(1).map(perAvatar));
  const facts = `${machineFacts()}; Chromium ${browser.version()} headless, SwiftShader WebGL (flags of test/support/browser.ts), 1280x800.`;
  console.log(
    [
      `### 5. Client draw calls and initial JavaScript (\`${COMMAND}\`)`,
      '',
      facts,
      '',
      table(
        [
          'Avatars in the lounge',
          'Avatars on the page',
          'Draw calls',
          'Triangles',
          'Textures (GPU MB, RGBA8 estimate)',
          'Extra calls per extra avatar',
        ],
        rows.map((row, i) => [
          String(row.avatars),
          String(row.seen),
          row.minCalls === row.calls ? String(row.calls) : `${row.calls} (min ${row.minCalls})`,
          row.triangles.toLocaleString('en-US'),
          `${row.textures} (${fixed(row.textureBytes / 1e6, 1)})`,
          i === 0 ? '' : fixed(perAvatar(row), 3),
        ]),
        [true, true, true, true, true, true],
      ),
      '',
      table(
        ['Initial JS (index.html script + modulepreload)', 'Raw KB', 'Gzip KB'],
        [
          ...files.map((file) => [file.name, fixed(file.raw / 1000, 1), fixed(file.gzip / 1000, 1)]),
          ['total', fixed(files.reduce((sum, file) => sum + file.raw, 0) / 1000, 1), fixed(initialGzipKb, 1)],
        ],
        [false, true, true],
      ),
      '',
      `For reference, all JS the page fetched until the lounge was on screen (${loungeJs.length} files, dynamic imports included): ${fixed(loungeGzipKb, 1)} KB gzipped.`,
      '',
      table(
        ['Target', 'Measured', 'Met'],
        [
          [
            `draw calls <= ${CALLS_TARGET} in total`,
            `${Math.max(...rows.map((row) => row.calls))} at most (300 avatars)`,
            met(rows.every((row) => row.calls <= CALLS_TARGET)),
          ],
          [
            `<= ${CALLS_PER_AVATAR_TARGET} more calls per extra avatar`,
            fixed(worst, 3),
            met(worst <= CALLS_PER_AVATAR_TARGET),
          ],
          [
            `initial JS <= ${INITIAL_JS_TARGET_KB} KB gzipped`,
            `${fixed(initialGzipKb, 1)} KB`,
            met(initialGzipKb <= INITIAL_JS_TARGET_KB),
          ],
        ],
      ),
      '',
      `With interest management the page receives itself and at most ${rows.at(-1)!.seen - 1} others of the ${rows.at(-1)!.avatars - 1} in the room.`,
    ].join('\n'),
  );
} finally {
  await Promise.all(bots.map((bot) => bot.leave()));
  await browser.close();
  site.close();
  await server.stop();
  await rm(outDir, { recursive: true, force: true });
}
process.exit(0);
