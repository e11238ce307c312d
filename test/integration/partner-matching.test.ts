import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerActivities, webhookDeliveries } from '../../server/db/points-schema.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import { type MailCatcher, startMailCatcher } from '../../server/mail/catcher.ts';
import type { RunningLayover } from '../../server/main.ts';
import { matchPendingActivities } from '../../server/partners/matching.ts';
import { registerPartner } from '../../server/partners/registry.ts';
import { dropExpiredActivities } from '../../server/partners/retention.ts';
import { checkSignature } from '../../server/partners/signature.ts';
import { deliverDue, queuePartnerWebhook, WEBHOOK_MAX_ATTEMPTS } from '../../server/partners/webhooks.ts';
import { balanceOf, memberAccount } from '../../server/points/ledger.ts';
import { routePath, routes } from '../../shared/protocol/routes.ts';
import { postJson, startTestLayover } from '../support/layover.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';

// Activities waiting for a member found later (a real email sign-in through a real SMTP server), kept 90 days then
// dropped, and signed webhooks to a real local receiver that fails before it accepts.
let layover: RunningLayover;
let smtp: MailCatcher;
const run = randomUUID().slice(0, 8);
const COFFEE = { partnerId: 'harbor-coffee', secret: devPartnerSecret('harbor-coffee') };

beforeAll(async () => {
  smtp = await startMailCatcher();
  layover = await startTestLayover({
    databaseUrl: process.env.DATABASE_URL,
    smtpUrl: smtp.url,
    mailFrom: 'Layover Test <lounge@layover.test>',
  });
}, 120_000);

afterAll(async () => {
  await layover?.stop();
  await smtp?.close();
});

const db = () => layover.ctx.ledger.db;

function purchase(member: Record<string, string>, cents: number, key: string) {
  return partnerFetch(layover.url, {
    ...COFFEE,
    method: 'POST',
    path: routes.partnerActivities.path,
    idempotencyKey: key,
    body: {
      type: 'purchase',
      member,
      units: cents,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      description: 'Flat white and a croissant',
      reference: `R-${key}`,
    },
  });
}

const stateOf = async (id: string) =>
  (await partnerFetch(layover.url, { ...COFFEE, path: routePath(routes.partnerActivity.path, { id }) })).body;

describe('matching waiting activities', () => {
  it('keeps an activity for an unknown email, then credits it when that person signs in with the email', async () => {
    const email = `later-${run}@example.com`;
    const first = await purchase({ email: email.toUpperCase() }, 1234, `${run}-later-1`);
    const second = await purchase({ email }, 5678, `${run}-later-2`);
    expect(first).toMatchObject({ status: 202, body: { status: 'unmatched', points: 123 } });
    expect(second).toMatchObject({ status: 202, body: { status: 'unmatched', points: 567 } });

    expect((await postJson(`${layover.url}${routes.emailStart.path}`, { email })).status).toBe(202);
    const mail = await smtp.next((m) => m.to.includes(email));
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    const signedIn = await postJson(`${layover.url}${routes.emailVerify.path}`, {
      email,
      code,
      name: 'Later',
    });
    expect(signedIn).toMatchObject({ status: 200, body: { status: 'signedIn' } });
    const memberId: string = signedIn.body.member.id;

    expect(await balanceOf(db(), memberAccount(memberId))).toBe(123 + 567);
    expect(await stateOf(first.body.id)).toMatchObject({ status: 'credited', points: 123 });
    expect(await stateOf(second.body.id)).toMatchObject({ status: 'credited', points: 567 });
    // Matching again (another credential, a race with the intake) credits nothing twice.
    await matchPendingActivities(layover.ctx, memberId);
    expect(await balanceOf(db(), memberAccount(memberId))).toBe(690);
  });

  it("matches by the brand login's external id, at the member's status", async () => {
    const externalId = `BR-${run}`;
    const waiting = await purchase({ externalId }, 10_000, `${run}-ext`);
    expect(waiting.body.status).toBe('unmatched');
    const guest = (await postJson(`${layover.url}${routes.guestSignIn.path}`, { name: 'Ext' })).body;
    await db()
      .insert(memberCredentials)
      .values({
        id: randomUUID(),
        memberId: guest.member.id,
        kind: 'oidc',
        subject: `https://login.brand.example ${run}`,
        externalId,
      });
    expect(await matchPendingActivities(layover.ctx, guest.member.id)).toBe(1);
    expect(await balanceOf(db(), memberAccount(guest.member.id))).toBe(1000);
    expect(await stateOf(waiting.body.id)).toMatchObject({ status: 'credited', points: 1000 });
  });

  it('drops a waiting activity after its 90 days with the personal data it held', async () => {
    const email = `never-${run}@example.com`;
    const waiting = await purchase({ email }, 300, `${run}-never`);
    const [row] = await db()
      .select()
      .from(partnerActivities)
      .where(eq(partnerActivities.id, waiting.body.id));
    const expiresAt = row?.expiresAt as Date;
    await dropExpiredActivities(db(), new Date(expiresAt.getTime() - 1));
    expect(await stateOf(waiting.body.id)).toMatchObject({ status: 'unmatched' });
    // Only this row's 90 days are run down (other files may share this database).
    await db()
      .update(partnerActivities)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(partnerActivities.id, waiting.body.id));
    expect(await dropExpiredActivities(db(), new Date())).toBeGreaterThanOrEqual(1);
    await dropExpiredActivities(db(), new Date());
    const [dropped] = await db()
      .select()
      .from(partnerActivities)
      .where(eq(partnerActivities.id, waiting.body.id));
    expect(dropped).toMatchObject({ status: 'dropped', memberRef: {}, payload: {}, description: '' });
    expect(await stateOf(waiting.body.id)).toMatchObject({ status: 'dropped' });
  });
});

describe('partner webhooks', () => {
  let receiver: Server;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failuresLeft-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers a signed event at least once, retrying with backoff after failures, the same event id each time', async () => {
    const partnerId = `hook-${run}`;
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/layover`;
    const { secret } = await registerPartner(db(), {
      id: partnerId,
      name: 'Hook Air',
      negativeLimit: 0,
      webhookUrl: url,
    });
    // Due a day from now, so only the injected times below (not the server's own 5 s loop) deliver it.
    const t0 = new Date(Date.now() + 86_400_000);
    const eventKey = `transfer:${run}`;
    await queuePartnerWebhook(db(), {
      partnerId,
      eventKey,
      type: 'pointsTransferred',
      payload: { memberNumber: 'LO123', partnerUnits: 500 },
      at: t0,
    });
    await queuePartnerWebhook(db(), { partnerId, eventKey, type: 'again', payload: {}, at: t0 });
    const row = async () =>
      (await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventKey, eventKey)))[0];

    expect(await deliverDue(layover.ctx, new Date(t0.getTime() - 1))).toBe(0);
    let at = t0;
    expect(await deliverDue(layover.ctx, at)).toBeGreaterThanOrEqual(1);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    const first = (await row())?.nextAttemptAt.getTime() ?? 0;
    expect(first - at.getTime()).toBeGreaterThanOrEqual(10_000);
    expect(first - at.getTime()).toBeLessThanOrEqual(11_000);
    // Not due yet: nothing sent.
    expect(await deliverDue(layover.ctx, new Date(first - 1))).toBe(0);
    at = new Date(first);
    await deliverDue(layover.ctx, at);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2 });
    const second = (await row())?.nextAttemptAt.getTime() ?? 0;
    expect(second - at.getTime()).toBeGreaterThanOrEqual(20_000);
    at = new Date(second);
    await deliverDue(layover.ctx, at);
    expect(await row()).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });

    expect(received).toHaveLength(3);
    for (const request of received) {
      expect(request.headers['x-layover-event-id']).toBe(eventKey);
      expect(request.headers['x-layover-partner']).toBe(partnerId);
      const timestamp = String(request.headers['x-layover-timestamp']);
      expect(
        checkSignature({
          secret,
          timestamp,
          signature: String(request.headers['x-layover-signature']),
          body: Buffer.from(request.body),
          nowMs: Number(timestamp) * 1000,
        }),
      ).toBeUndefined();
      expect(JSON.parse(request.body)).toMatchObject({
        id: eventKey,
        type: 'pointsTransferred',
        data: { memberNumber: 'LO123', partnerUnits: 500 },
      });
    }
    expect(await deliverDue(layover.ctx, new Date(at.getTime() + 86_400_000))).toBe(0);
  });

  it(`gives a delivery up after ${WEBHOOK_MAX_ATTEMPTS} failed attempts`, async () => {
    const partnerId = `nohook-${run}`;
    await registerPartner(db(), { id: partnerId, name: 'No Hook', negativeLimit: 0, webhookUrl: null });
    const eventKey = `transfer:none:${run}`;
    let at = new Date(Date.now() + 2 * 86_400_000);
    await queuePartnerWebhook(db(), { partnerId, eventKey, type: 'pointsTransferred', payload: {}, at });
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      await deliverDue(layover.ctx, at);
      const [row] = await db()
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.eventKey, eventKey));
      expect(row?.attempts).toBe(attempt);
      expect(row?.status).toBe(attempt === WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending');
      at = row?.nextAttemptAt as Date;
    }
  });
});
