import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { startTestLayover } from '../support/layover.ts';

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
