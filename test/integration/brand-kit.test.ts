import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession } from '../../server/auth/sessions.ts';
import { BRAND_CACHE_MS, BrandKits } from '../../server/brand/kits.ts';
import { brandImages, brandKits } from '../../server/db/brand-schema.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { auditLog } from '../../server/db/team-schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import type { BrandKitInput } from '../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { makePng } from '../support/brand-png.ts';
import { startTestLayover } from '../support/layover.ts';

// The brand kit on a real server: publishing (validated, versioned, audited, one winner when two publish over the
// same version), the public kit with its ETag, and image uploads checked from their own bytes and served immutable.

let layover: RunningLayover;
let db: Db;
let editor: string;
let owner: string;

/** A member signed in by email; on the team with `role` when given. */
async function member(name: string, role?: StaffRoleName): Promise<string> {
  const record = await createMember(db, { displayName: name });
  const email = `${record.id.slice(0, 8)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email, label: 'masked' });
  if (role) await grantStaffRole(db, emailPrincipal(email), role);
  return (await issueSession(db, record.id, role ? 'email' : 'guest', 3_600_000)).token;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
type Answer = { status: number; body: any; headers: Headers };
async function call(method: string, path: string, token?: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${layover.url}${path}`, {
    ...init,
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json && text ? JSON.parse(text) : text, headers: response.headers };
}
const publish = (token: string | undefined, kit: BrandKitInput, baseVersion: number) =>
  call('PUT', routes.consolePublishBrand.path, token, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ baseVersion, kit }),
  });
const upload = (token: string | undefined, bytes: Uint8Array, type = 'image/png') =>
  call('POST', routes.consoleBrandImageUpload.path, token, {
    headers: { 'content-type': type },
    body: bytes as unknown as BodyInit,
  });
const imageCount = async () => (await db.select({ id: brandImages.id }).from(brandImages)).length;

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  editor = await member('Edie', 'content');
  owner = await member('Olga', 'owner');
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

describe('brand kit publish', () => {
  it('serves the default kit as version 0, then a published kit with a new ETag; a matching If-None-Match is 304', async () => {
    const first = await call('GET', routes.brand.path);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 0, kit: { name: 'Layover Lounge' } });
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag0 = first.headers.get('etag') ?? '';
    expect(
      (await call('GET', routes.brand.path, undefined, { headers: { 'if-none-match': etag0 } })).status,
    ).toBe(304);

    const kit = {
      ...DEFAULT_BRAND_KIT,
      name: 'Orbit Air Lounge',
      colours: { ...DEFAULT_BRAND_KIT.colours, primary: '#E0B0FF' },
      welcome: { ...DEFAULT_BRAND_KIT.welcome, en: 'Welcome aboard Orbit Air' },
    };
    const published = await publish(editor, kit, 0);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 1, kit: { colours: { primary: '#e0b0ff' } } });

    const after = await call('GET', routes.brand.path, undefined, { headers: { 'if-none-match': etag0 } });
    expect(after.status).toBe(200);
    expect(after.body.kit.welcome.en).toBe('Welcome aboard Orbit Air');
    expect(after.headers.get('etag')).not.toBe(etag0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'brand.publish'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: 'brand:1', after: { name: 'Orbit Air Lounge' } });
  });

  it('refuses the second of two publishes over the same version with brandConflict, keeping the first', async () => {
    const current = (await call('GET', routes.consoleBrand.path, editor)).body.version as number;
    const one = { ...DEFAULT_BRAND_KIT, name: 'First Writer' };
    const two = { ...DEFAULT_BRAND_KIT, name: 'Second Writer' };
    const answers = await Promise.all([publish(editor, one, current), publish(owner, two, current)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(refused?.body.error).toBe('brandConflict');
    const winner = answers.find((answer) => answer.status === 200)?.body.kit.name;
    expect((await call('GET', routes.consoleBrand.path, owner)).body).toMatchObject({
      version: current + 1,
      kit: { name: winner },
    });
    expect((await publish(owner, one, current)).status).toBe(409);
  });

  it('reaches another process through the ledger within its cache time', async () => {
    let now = 1_000_000;
    const otherProcess = new BrandKits(
      () => db,
      () => now,
    );
    const seen = await otherProcess.current();
    const kit = { ...DEFAULT_BRAND_KIT, name: 'Seen Elsewhere' };
    expect((await publish(editor, kit, seen.version)).status).toBe(200);
    expect((await otherProcess.current()).kit.name).toBe(seen.kit.name);
    now += BRAND_CACHE_MS;
    expect(await otherProcess.current()).toMatchObject({
      version: seen.version + 1,
      kit: { name: 'Seen Elsewhere' },
    });
  });

  it('refuses invalid colours and low contrast with the field, changing nothing', async () => {
    const before = await db.select().from(brandKits);
    const version = (await call('GET', routes.consoleBrand.path, editor)).body.version as number;
    const badHex = await publish(
      editor,
      { ...DEFAULT_BRAND_KIT, colours: { ...DEFAULT_BRAND_KIT.colours, accent: 'red' } },
      version,
    );
    expect(badHex.status).toBe(400);
    expect(badHex.body).toMatchObject({
      error: 'invalidBrand',
      detail: expect.stringContaining('kit.colours.accent'),
    });
    const faint = { ...DEFAULT_BRAND_KIT, colours: { ...DEFAULT_BRAND_KIT.colours, text: '#eeeeee' } };
    const lowContrast = await publish(editor, faint, version);
    expect(lowContrast.status).toBe(400);
    expect(lowContrast.body.detail).toContain('kit.colours.text: contrast of text on surface');
    const unknownLogo = await publish(editor, { ...DEFAULT_BRAND_KIT, logo: 'a'.repeat(64) }, version);
    expect(unknownLogo.body).toMatchObject({
      error: 'invalidBrand',
      detail: expect.stringContaining('kit.logo'),
    });
    expect(await db.select().from(brandKits)).toEqual(before);
  });

  it('lets no member, guest, host or analyst read or publish the console kit', async () => {
    const version = (await call('GET', routes.consoleBrand.path, editor)).body.version as number;
    const guest = await member('Gus');
    const analyst = await member('Ana', 'analyst');
    const host = await member('Hal', 'host');
    expect((await publish(undefined, DEFAULT_BRAND_KIT, version)).status).toBe(401);
    for (const token of [guest, analyst, host]) {
      expect((await publish(token, DEFAULT_BRAND_KIT, version)).status).toBe(403);
      expect((await call('GET', routes.consoleBrand.path, token)).status).toBe(403);
      expect((await upload(token, makePng(32, 32))).status).toBe(403);
    }
    expect((await call('GET', routes.consoleBrand.path, editor)).body.version).toBe(version);
  });
});

describe('brand images', () => {
  it('stores a PNG under its sha256 and serves it immutable, with its own type and nosniff', async () => {
    const png = makePng(64, 32, [10, 120, 200]);
    const uploaded = await upload(editor, png);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ mime: 'image/png', width: 64, height: 32, bytes: png.length });
    const served = await fetch(
      `${layover.url}${routePath(routes.brandImage.path, { id: uploaded.body.id })}`,
    );
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const kit = { ...DEFAULT_BRAND_KIT, logo: uploaded.body.id, screenArt: uploaded.body.id };
    const version = (await call('GET', routes.consoleBrand.path, editor)).body.version as number;
    expect((await publish(editor, kit, version)).body.kit.logo).toBe(uploaded.body.id);
  });

  it('takes the type from the bytes: a PNG sent as JPEG or JSON is a PNG', async () => {
    const png = makePng(20, 20, [1, 200, 3]);
    for (const type of ['image/jpeg', 'application/json']) {
      const answer = await upload(editor, png, type);
      expect(answer.status).toBe(201);
      expect(answer.body.mime).toBe('image/png');
    }
  });

  it('refuses a text file called a PNG (415), 2 MiB (413) and 4000x10 px (400), storing nothing', async () => {
    const stored = await imageCount();
    const text = await upload(editor, new TextEncoder().encode('not a picture, just words\n'.repeat(10)));
    expect(text).toMatchObject({ status: 415, body: { error: 'notAnImage' } });
    const large = await upload(editor, makePng(32, 32, [9, 9, 9], 2 * 1024 * 1024));
    expect(large).toMatchObject({ status: 413, body: { error: 'imageTooLarge' } });
    const wide = await upload(editor, makePng(4000, 10));
    expect(wide).toMatchObject({ status: 400, body: { error: 'imageDimensions' } });
    expect(await imageCount()).toBe(stored);
    expect((await call('GET', routePath(routes.brandImage.path, { id: 'b'.repeat(64) }))).status).toBe(404);
    expect((await call('GET', routePath(routes.brandImage.path, { id: '../etc' }))).status).toBe(404);
  });
});
