import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestLayover } from '../support/layover.ts';
import { enterAsGuest, type LayoverWindow, WAIT } from '../support/lounge-page.ts';

const EVIL = 'https://evil.example';
const PARTNER = 'https://partner.example';
const PUBLIC = 'https://lounge.example';

let layover: RunningLayover;
/** The server's local URL: layover.url is PUBLIC_URL here, a name nothing resolves. */
const local = () => `http://localhost:${layover.port}`;

beforeAll(async () => {
  layover = await startTestLayover({ publicUrl: `${PUBLIC}/`, corsOrigins: [PARTNER] });
});

afterAll(async () => {
  await layover?.stop();
});

/** A request as a page on `origin` would send it (the Origin header a browser adds to cross-origin calls). */
function from(origin: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${local()}${path}`, { ...init, headers: { ...init.headers, origin } });
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const preflight = (method: string): RequestInit => ({
  method: 'OPTIONS',
  headers: { 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
});

const ROUTES: [string, string, RequestInit][] = [
  ['matchmaking', '/matchmake/joinOrCreate/lounge', json({})],
  ['sign-in', '/auth/guest', json({ name: 'Eve' })],
  ['member API', '/api/members/me', {}],
  ['health', '/health', {}],
];

describe('CORS: only the lounge itself and CORS_ORIGINS may read responses', () => {
  for (const [what, path, init] of ROUTES) {
    it(`gives a page on another site no CORS headers on ${what} (${path})`, async () => {
      const response = await from(EVIL, path, init);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await from(EVIL, path, preflight(init.method ?? 'GET'));
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    });
  }

  for (const origin of [PUBLIC, PARTNER]) {
    it(`lets ${origin} (PUBLIC_URL or CORS_ORIGINS) call with credentials`, async () => {
      for (const [, path, init] of ROUTES) {
        const response = await from(origin, path, preflight(init.method ?? 'GET'));
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
        expect(response.headers.get('access-control-allow-credentials')).toBe('true');
        expect(response.headers.get('vary')).toMatch(/origin/i);
      }
      const response = await from(origin, '/auth/guest', json({ name: 'Pat' }));
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    });
  }

  it('counts the local URL (http://localhost:PORT) as the lounge itself', async () => {
    const response = await from(local(), '/health');
    expect(response.headers.get('access-control-allow-origin')).toBe(local());
  });
});

describe('security headers on the pages and the API', () => {
  it('sends nosniff, a referrer policy and no framing on the API and on matchmaking', async () => {
    for (const [, path, init] of ROUTES) {
      const response = await fetch(`${local()}${path}`, init);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it("sends the page policy on the lounge and the console (self, blob: workers, 'wasm-unsafe-eval', no framing)", async () => {
    for (const path of ['/', '/console']) {
      const response = await fetch(`${local()}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('walletconnect');
    }
  });
});

/** Records every CSP violation the page reports (events and console errors) from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (line: string) => void }).__reportViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      seen.push(message.text());
  });
  return seen;
}

describe('the pages in Chromium under their CSP', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('enters the lounge and renders the scene with no CSP violation', async () => {
    const page = await browser!.newPage({ viewport: { width: 1024, height: 700 } });
    const violations = await watchViolations(page);
    await enterAsGuest(page, local(), 'Strict Sam');
    await page.waitForFunction(
      () => ((window as unknown as LayoverWindow).__layover.renderer()?.calls ?? 0) > 0,
      null,
      WAIT,
    );
    expect(violations).toEqual([]);
  });

  it('opens the console page with no CSP violation', async () => {
    const page = await browser!.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${local()}/console`);
    await page.locator('#root *').first().waitFor(WAIT);
    expect(violations).toEqual([]);
  });
});
