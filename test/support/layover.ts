import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../server/config.ts';
import { type RunningLayover, startLayover } from '../../server/main.ts';

/**
 * A real Layover (own anvil, PGlite in a temp folder, free ports, TEST_HOOKS on) for one test file; `stop()` removes
 * it all.
 */
export async function startTestLayover(overrides: Partial<Config> = {}): Promise<RunningLayover> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-test-'));
  const config = loadConfig(
    { TEST_HOOKS: 'on' },
    {
      port: 0,
      anvilPort: 0,
      dataDir: join(dir, 'data'),
      deploymentsDir: join(dir, 'deployments'),
      ...overrides,
    },
  );
  try {
    const running = await startLayover(config, () => {});
    return {
      ...running,
      stop: async () => {
        await running.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** POSTs JSON and returns status and parsed body. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Waits until `check` returns a value other than undefined/false, polling every 20 ms. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
