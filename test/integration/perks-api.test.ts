import { randomUUID } from 'node:crypto';
import { Client } from '@colyseus/sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSession, revokeSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { perkRedemptions, perkShipping, perks } from '../../server/db/perks-schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { eraseMember } from '../../server/members/erase.ts';
import { expirePerks } from '../../server/perks/expiry.ts';
import { fulfilRedemption } from '../../server/perks/fulfil.ts';
import { hasTimedAccess } from '../../server/perks/timed-access.ts';
import type { PerkSpec } from '../../shared/content/perks.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import { PerksView, PerkView } from '../../shared/protocol/perks.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import { walletSession } from '../support/event-bots.ts';
import { startTestLayover } from '../support/layover.ts';

// The member perk API on a real Layover (PGlite): my perks, the shipping form, idempotent fulfilment, timed access,
// expiry and erasure. Physical perks come from a content override (today's content has no physical prize).
const PHYSICAL: PerkSpec[] = [{ prizeId: 'upgrade-voucher', kind: 'physical', validDays: 30 }];
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const DAY = 86_400_000;
let layover: RunningLayover;
let db: Db;

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
}, 180_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

async function api(method: string, path: string, token: string | undefined, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

const fulfil = (
  memberId: string,
  prizeId: string,
  key: string = randomUUID(),
  amount = 1,
  specs?: PerkSpec[],
) => fulfilRedemption(layover.ctx, { memberId, prizeId, amount, key }, specs ? { specs } : {});

const form = {
  name: 'Nguyễn Thị Lan',
  addressLines: ['12 Lý Thường Kiệt', 'Apt 4B'],
  city: 'Hà Nội',
  postcode: '100000',
  country: 'vn',
};

describe('fulfilRedemption', () => {
  it('issues one perk per unit, once per key, with an 80-bit code and the content expiry', async () => {
    const { memberId } = await walletSession(db, 'Voucher Holder');
    const key = `held:${randomUUID()}`;
    const first = await fulfil(memberId, 'upgrade-voucher', key, 2);
    const again = await Promise.all([1, 2, 3].map(() => fulfil(memberId, 'upgrade-voucher', key, 2)));
    expect(first.ok && first.perks).toHaveLength(2);
    for (const outcome of again) {
      expect(outcome.ok && outcome.replayed).toBe(true);
      expect(outcome.ok && outcome.perks.map((perk) => perk.code)).toEqual(
        first.ok && first.perks.map((perk) => perk.code),
      );
    }
    const rows = await db.select().from(perks).where(eq(perks.redemptionKey, key));
    expect(rows).toHaveLength(2);
    const [perk] = first.ok ? first.perks : [];
    expect(perk?.code).toMatch(CODE);
    expect(perk?.state).toBe('ready');
    expect(perk?.kind).toBe('generatedCode');
    expect(perk?.qrPayload).toBe(`LAYOVER-PERK:layover:${rows[0]?.code}`);
    expect((perk?.expiresAt ?? 0) - (perk?.createdAt ?? 0)).toBe(30 * DAY);
  });

  it('refuses the Gold Pass (not redeemed) and a key reused for another member', async () => {
    const a = await walletSession(db, 'Key Owner');
    const b = await walletSession(db, 'Key Thief');
    expect(await fulfil(a.memberId, 'gold-pass')).toEqual({ ok: false, refusal: 'notRedeemable' });
    const key = randomUUID();
    expect((await fulfil(a.memberId, 'upgrade-voucher', key)).ok).toBe(true);
    expect(await fulfil(b.memberId, 'upgrade-voucher', key)).toEqual({ ok: false, refusal: 'keyConflict' });
    expect(await db.select().from(perks).where(eq(perks.memberId, b.memberId))).toHaveLength(0);
  });

  it('gives a lounge day pass 24 hours of VIP, and none after it expires', async () => {
    const { memberId } = await walletSession(db, 'Day Passer');
    const outcome = await fulfil(memberId, 'lounge-day-pass');
    const [perk] = outcome.ok ? outcome.perks : [];
    expect(perk).toMatchObject({ kind: 'timedAccess', room: 'vip' });
    const now = Date.now();
    expect(await hasTimedAccess(db, memberId, 'vip', new Date(now))).toBe(true);
    expect(await hasTimedAccess(db, memberId, 'suite', new Date(now))).toBe(false);
    const later = new Date((perk?.expiresAt ?? 0) + 1);
    expect(await hasTimedAccess(db, memberId, 'vip', later)).toBe(false);
    expect(await expirePerks(db, later)).toBeGreaterThanOrEqual(1);
    const [row] = await db
      .select()
      .from(perks)
      .where(eq(perks.id, perk?.id ?? ''));
    expect(row?.state).toBe('expired');
  });
  it('lets a redeemed lounge day pass into VIP, with no pass on chain, until it expires', async () => {
    const member = await walletSession(db, 'VIP Day Guest');
    const vip = () => new Client(layover.url).joinOrCreate('vip', { token: member.token });
    await expect(vip()).rejects.toMatchObject({ code: JoinErrorCode.gateDenied });
    const outcome = await fulfil(member.memberId, 'lounge-day-pass');
    const room = await vip();
    await room.leave();
    const id = outcome.ok ? (outcome.perks[0]?.id ?? '') : '';
    await db
      .update(perks)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(perks.id, id));
    await expect(vip()).rejects.toMatchObject({ code: JoinErrorCode.gateDenied });
  });
});

describe('GET /api/perks and the shipping form', () => {
  it("lists a member's own perks only, and refuses no session or a revoked one", async () => {
    const owner = await walletSession(db, 'Perk Owner');
    const other = await walletSession(db, 'Perk Peeker');
    await fulfil(owner.memberId, 'upgrade-voucher');
    const mine = await api('GET', routes.perks.path, owner.token);
    expect(mine.status).toBe(200);
    const view = PerksView.parse(mine.body);
    expect(view.perks).toHaveLength(1);
    const theirs = PerksView.parse((await api('GET', routes.perks.path, other.token)).body);
    expect(theirs.perks).toHaveLength(0);
    expect((await api('GET', routes.perks.path, undefined)).status).toBe(401);
    await revokeSession(db, other.token);
    expect((await api('GET', routes.perks.path, other.token)).status).toBe(401);
  });

  it('takes a valid address once, for the owner of a physical perk only', async () => {
    const owner = await walletSession(db, 'Parcel Owner');
    const other = await walletSession(db, 'Parcel Thief');
    const outcome = await fulfil(owner.memberId, 'upgrade-voucher', randomUUID(), 1, PHYSICAL);
    const [perk] = outcome.ok ? outcome.perks : [];
    expect(perk?.shipping).toEqual({ submitted: false, submittedAt: null });
    const path = routePath(routes.perkShipping.path, { id: perk?.id ?? '' });

    const bad = [
      { ...form, name: '' },
      { ...form, addressLines: [] },
      { ...form, addressLines: ['a', 'b', 'c', 'd'] },
      { ...form, country: 'Vietnam' },
      { ...form, postcode: '<script>' },
      { ...form, extra: 1 },
    ];
    for (const body of bad) {
      const refused = await api('POST', path, owner.token, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toBe('invalidShipping');
    }
    const stolen = await api('POST', path, other.token, form);
    expect(stolen).toMatchObject({ status: 404, body: { error: 'unknownPerk' } });
    const guessed = await api(
      'POST',
      routePath(routes.perkShipping.path, { id: randomUUID() }),
      owner.token,
      form,
    );
    expect(guessed.body.error).toBe('unknownPerk');
    const notUuid = await api('POST', routePath(routes.perkShipping.path, { id: 'x' }), owner.token, form);
    expect(notUuid.status).toBe(404);

    const sent = await api('POST', path, owner.token, form);
    expect(sent.status).toBe(201);
    expect(PerkView.parse(sent.body.perk).shipping?.submitted).toBe(true);
    const [stored] = await db
      .select()
      .from(perkShipping)
      .where(eq(perkShipping.perkId, perk?.id ?? ''));
    expect(stored).toMatchObject({ country: 'VN', addressLines: form.addressLines, name: form.name });
    const twice = await api('POST', path, owner.token, { ...form, city: 'Huế' });
    expect(twice).toMatchObject({ status: 409, body: { error: 'shippingSubmitted' } });

    const generated = await fulfil(owner.memberId, 'upgrade-voucher');
    const codeOnly = generated.ok ? generated.perks[0]?.id : '';
    const notPhysical = await api(
      'POST',
      routePath(routes.perkShipping.path, { id: codeOnly ?? '' }),
      owner.token,
      form,
    );
    expect(notPhysical).toMatchObject({ status: 409, body: { error: 'notPhysical' } });

    // The member's data export carries their perks and the address they gave; another member's carries neither.
    const exported = await api('GET', routes.exportMe.path, owner.token);
    expect(exported.status).toBe(200);
    expect(exported.body.perks.map((view: { id: string }) => view.id).sort()).toEqual(
      [perk?.id, codeOnly].sort(),
    );
    expect(exported.body.shipping).toEqual([
      expect.objectContaining({ perkId: perk?.id, name: form.name, country: 'VN' }),
    ]);
    const stranger = await api('GET', routes.exportMe.path, other.token);
    expect(stranger.body.perks).toEqual([]);
    expect(stranger.body.shipping).toEqual([]);
  });

  it('asks a guest to keep their account first, and refuses an expired perk', async () => {
    const record = await createMember(db, { displayName: 'Guest Shipper' });
    const { token } = await issueSession(db, record.id, 'guest', 3_600_000);
    const outcome = await fulfil(record.id, 'upgrade-voucher', randomUUID(), 1, PHYSICAL);
    const id = outcome.ok ? (outcome.perks[0]?.id ?? '') : '';
    const refused = await api('POST', routePath(routes.perkShipping.path, { id }), token, form);
    expect(refused).toMatchObject({ status: 403, body: { error: 'identityRequired' } });

    const owner = await walletSession(db, 'Late Shipper');
    const late = await fulfil(owner.memberId, 'upgrade-voucher', randomUUID(), 1, PHYSICAL);
    const lateId = late.ok ? (late.perks[0]?.id ?? '') : '';
    await db
      .update(perks)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(perks.id, lateId));
    const expired = await api('POST', routePath(routes.perkShipping.path, { id: lateId }), owner.token, form);
    expect(expired).toMatchObject({ status: 410, body: { error: 'perkExpired' } });
    const listed = PerksView.parse((await api('GET', routes.perks.path, owner.token)).body);
    expect(listed.perks.find((perk) => perk.id === lateId)?.state).toBe('expired');
  });

  it("erases a member's perks and shipping address with their data", async () => {
    const owner = await walletSession(db, 'Erased Shipper');
    const outcome = await fulfil(owner.memberId, 'upgrade-voucher', randomUUID(), 1, PHYSICAL);
    const id = outcome.ok ? (outcome.perks[0]?.id ?? '') : '';
    expect((await api('POST', routePath(routes.perkShipping.path, { id }), owner.token, form)).status).toBe(
      201,
    );
    await eraseMember(db, owner.memberId, layover.ctx);
    expect(await db.select().from(perks).where(eq(perks.memberId, owner.memberId))).toHaveLength(0);
    expect(await db.select().from(perkShipping).where(eq(perkShipping.perkId, id))).toHaveLength(0);
    expect(
      await db.select().from(perkRedemptions).where(eq(perkRedemptions.memberId, owner.memberId)),
    ).toHaveLength(0);
  });
});
