import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import express, { type Application, type Response } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import { sendError } from './errors.ts';
import { cacheControlFor, precompressedStatic } from './precompressed-static.ts';

/** The tag that tells the client it may install `window.__layover` (only when the server runs for tests). */
export const TEST_HOOKS_META = '<meta name="layover-test-hooks" content="on">';

/** Adds the test-hooks meta tag to a page's head when `on`; otherwise the page is left exactly as built. */
export function withTestHooks(html: string, on: boolean): string {
  if (!on) return html;
  return html.replace(/<head([^>]*)>/i, (head) => `${head}\n    ${TEST_HOOKS_META}`);
}

/** The built client's pages (lounge and console) and its assets, from dist/client. */
export function mountBuiltPages(app: Application, clientDir: string, testHooks: boolean): void {
  const page = (file: string) => async (_req: unknown, res: Response) => {
    const path = join(clientDir, file);
    if (!existsSync(path)) return sendError(res, 503, 'clientNotBuilt', 'run `npm run build` first');
    if (!testHooks) return res.sendFile(path);
    res.type('html').send(withTestHooks(await readFile(path, 'utf8'), true));
  };
  app.get(routes.lounge.path, page('index.html'));
  app.get([routes.consolePage.path, routes.consolePageHtml.path], page('console.html'));
  app.use(precompressedStatic(clientDir));
  app.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', cacheControlFor(`/${relative(clientDir, path).split(sep).join('/')}`));
        res.setHeader('vary', 'Accept-Encoding');
      },
    }),
  );
}

/** Vite's plugin form of the same tag, for dev mode (`npm run dev`): lounge and console pages alike. */
export function testHooksVitePlugin(on: boolean) {
  return {
    name: 'layover-test-hooks',
    transformIndexHtml: (html: string) => withTestHooks(html, on),
  };
}
