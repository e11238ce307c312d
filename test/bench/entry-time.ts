// Time from pressing "Enter as guest" to seated in the lounge, in Chromium: the median of 5 runs, each in a fresh
// browser context (no cookie). With BASELINE_DIR (a checkout of an earlier commit, its node_modules in place) the
// same measurement runs there first, in the same run, so the two medians compare like for like.
//
//   git worktree add /tmp/layover-base 87667ff && ln -s "$PWD/node_modules" /tmp/layover-base/node_modules
//   BASELINE_DIR=/tmp/layover-base npx tsx test/bench/entry-time.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags.ts';
import { launchChromium } from '../support/browser.ts';

const ROOT = join(import.meta.dirname, '../..');
const RUNS = Number(process.env.RUNS ?? 5);

interface Server {
  child: ChildProcess;
  url: string;
}

function startServer(cwd: string, dir: string): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/start.ts'], {
    cwd,
    env: {
      ...process.env,
      TEST_HOOKS: 'on',
      PORT: '0',
      ANVIL_PORT: '0',
      DATA_DIR: join(dir, 'data'),
      DEPLOYMENTS_DIR: join(dir, 'deployments'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const url = log.match(/Layover lounge is open: (\S+)/)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server in ${cwd} exited with ${code}:\n${log}`)));
  });
}

/** One member's way in: the entry screen shown, then the click, then seated (our own avatar known to the page). */
async function timeEntry(browser: Browser, url: string, name: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('name-input').fill(name);
    const button = page.getByTestId('enter-guest');
    await button.waitFor({ state: 'visible' });
    const started = performance.now();
    await button.click();
    await page.waitForFunction(
      () => Boolean((window as unknown as { __layover?: { self?: () => unknown } }).__layover?.self?.()),
      null,
      { timeout: 120_000, polling: 16 },
    );
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, cwd: string, label: string): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-entry-'));
  const server = await startServer(cwd, dir);
  try {
    // A warm-up entry builds caches (client chunks, the server's first room) that every member after it finds.
    const cold = await timeEntry(browser, server.url, 'Warmup');
    console.log(`${label}: first entry on a fresh server ${cold.toFixed(0)} ms`);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await timeEntry(browser, server.url, `Bench${run}`));
    console.log(
      `${label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(times).toFixed(0)} ms`,
    );
    return times;
  } finally {
    server.child.kill('SIGINT');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const browser = await launchChromium();
try {
  const baselineDir = process.env.BASELINE_DIR;
  const before = baselineDir
    ? median(await measure(browser, baselineDir, `before (${baselineDir})`))
    : undefined;
  const after = median(await measure(browser, ROOT, 'after (this checkout)'));
  if (before !== undefined)
    console.log(
      `"Enter as guest" to seated, median of ${RUNS}: before ${before.toFixed(0)} ms, after ${after.toFixed(0)} ms (${(((after - before) / before) * 100).toFixed(1)}%)`,
    );
} finally {
  await browser.close();
}
