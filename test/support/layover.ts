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
    // Media (Janus) only where a test asks for it (test/support/janus.ts: mediaOn).
    { TEST_HOOKS: 'on', MEDIA: 'off' },
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

/** Polls an async check every 50 ms until it gives a value; for states only a request can see. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * POSTs to Colyseus' matchmaking route (`joinOrCreate/lounge`) as a hostile client would: any body, any headers,
 * optionally streamed without a Content-Length. Answers the status and the parsed JSON (or `{}`).
 */
export async function postMatchmake(
  url: string,
  path: string,
  body: unknown,
  options: { headers?: Record<string, string>; stream?: boolean } = {},
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; json: any }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const payload = options.stream
    ? new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let at = 0; at < bytes.length; at += 64 * 1024)
            controller.enqueue(bytes.slice(at, at + 64 * 1024));
          controller.close();
        },
      })
    : text;
  const response = await fetch(`${url}/matchmake/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: payload,
    ...(options.stream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const raw = await response.text();
  let json: unknown = {};
  try {
    json = JSON.parse(raw);
  } catch {
    json = { raw };
  }
  return { status: response.status, json };
}
