import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { mountHttp } from '../../server/http/app.ts';
import type { Mail } from '../../server/mail/mailer.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import { fakeContext } from './server-fake-context.ts';

// Every route in shared/protocol/routes.ts is what the server registers, and server/http writes no path itself.
interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  /** A router mounted with app.use(router) (at the root: the routes carry their full paths). */
  handle?: { stack?: Layer[] };
}

function collect(stack: Layer[], found: Set<string>): void {
  for (const layer of stack) {
    if (layer.handle?.stack) collect(layer.handle.stack, found);
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const method of Object.keys(layer.route.methods))
      for (const path of paths) found.add(`${method.toUpperCase()} ${path}`);
  }
}

function registered(): Set<string> {
  const app = express();
  const mail: Mail = {
    available: false,
    mailbox: undefined,
    catcherUrl: undefined,
    send: async () => {},
    close: async () => {},
  };
  mountHttp(app, fakeContext().ctx, { clientDir: '/nonexistent', testWalletRpcUrl: undefined, mail });
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const found = new Set<string>();
  collect(stack, found);
  return found;
}

describe('route table', () => {
  it('is registered by the server, route for route (the pass art is a static folder)', () => {
    const found = registered();
    const expected = Object.values(routes)
      .filter((route) => route.path !== routes.passArt.path)
      .map((route) => `${route.method} ${route.path}`);
    for (const route of expected) expect(found, route).toContain(route);
    expect([...found].filter((route) => !expected.includes(route))).toEqual([]);
  });

  it('leaves no string-literal path in server/http', () => {
    const dir = join(import.meta.dirname, '../../server/http');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const code = readFileSync(join(dir, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      expect(code.match(/\.(get|post|put|delete|use)\(\s*['"`]\//g), file).toBeNull();
    }
  });

  it('fills path parameters, encoded, and refuses a missing one', () => {
    expect(routePath(routes.leaderboard.path, { gameId: 'plane' })).toBe('/api/games/plane/leaderboard');
    expect(routePath(routes.consoleSaveContent.path, { kind: 'quest', id: 'a b' })).toBe(
      '/api/console/content/quest/a%20b',
    );
    expect(routePath(routes.me.path, {})).toBe('/api/members/me');
    expect(() => routePath(routes.consoleEvent.path, {} as { id: string })).toThrow(/needs parameter id/);
  });
});
