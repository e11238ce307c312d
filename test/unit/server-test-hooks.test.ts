import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { mountBuiltPages, TEST_HOOKS_META, withTestHooks } from '../../server/http/pages.ts';

// The client installs window.__layover only when the page carries this meta tag; the server adds it only under
// TEST_HOOKS=on, so production pages never expose the session token to other scripts.
const PAGE = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>Layover</title>\n  </head>\n</html>\n';
let dir: string;
const servers: { close: () => void }[] = [];

async function serve(testHooks: boolean): Promise<string> {
  const app = express();
  mountBuiltPages(app, dir, testHooks);
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-pages-'));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'console.html'), PAGE.replace('Layover', 'Layover console'));
});

afterAll(async () => {
  for (const server of servers) server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('test hooks flag', () => {
  it('is off unless TEST_HOOKS=on', () => {
    expect(loadConfig({}).testHooks).toBe(false);
    expect(loadConfig({ TEST_HOOKS: 'off' }).testHooks).toBe(false);
    expect(loadConfig({ TEST_HOOKS: 'on' }).testHooks).toBe(true);
    expect(() => loadConfig({ TEST_HOOKS: 'yes' })).toThrow(/TEST_HOOKS/);
  });

  it('adds the meta tag to the head only when on', () => {
    expect(withTestHooks(PAGE, false)).toBe(PAGE);
    const marked = withTestHooks(PAGE, true);
    expect(marked).toContain(`<head>\n    ${TEST_HOOKS_META}`);
    expect(marked.match(/layover-test-hooks/g)).toHaveLength(1);
  });

  it('serves the built lounge and console pages with the tag under the flag, and without it otherwise', async () => {
    const on = await serve(true);
    const off = await serve(false);
    for (const path of ['/', '/console', '/console.html']) {
      expect(await (await fetch(`${on}${path}`)).text()).toContain(TEST_HOOKS_META);
      const plain = await (await fetch(`${off}${path}`)).text();
      expect(plain).not.toContain('layover-test-hooks');
      expect(plain).toContain('<title>Layover');
    }
  });
});
