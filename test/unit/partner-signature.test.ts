import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { devPartnerSecret } from '../../server/partners/registry.ts';
import { checkSignature, signatureHeaders, signPayload } from '../../server/partners/signature.ts';
import { retryDelayMs } from '../../server/partners/webhooks.ts';

const secret = devPartnerSecret('skyway-air');
const body = Buffer.from('{"type":"flight","units":1200}');
const now = 1_800_000_000_000;
const ts = String(now / 1000);

describe('partner signature', () => {
  it('is v1=hex HMAC-SHA256 keyed by the secret string over "<timestamp>.<raw body>" (what openssl computes)', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    expect(signPayload(secret, ts, body)).toBe(`v1=${expected}`);
    expect(signPayload(secret, Number(ts), body.toString())).toBe(`v1=${expected}`);
    expect(signatureHeaders('skyway-air', secret, Number(ts), body)).toEqual({
      'X-Layover-Partner': 'skyway-air',
      'X-Layover-Timestamp': ts,
      'X-Layover-Signature': `v1=${expected}`,
    });
  });

  it('the dev secret is base64url(sha256("layover-dev-partner:" + id)), fixed so the README example works', () => {
    expect(devPartnerSecret('skyway-air')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(devPartnerSecret('skyway-air')).not.toBe(devPartnerSecret('harbor-coffee'));
  });

  it('accepts a good signature within 300 s either way and refuses anything else', () => {
    const signature = signPayload(secret, ts, body);
    const check = (over: Partial<Parameters<typeof checkSignature>[0]>) =>
      checkSignature({ secret, timestamp: ts, signature, body, nowMs: now, ...over });
    expect(check({})).toBeUndefined();
    expect(check({ nowMs: now + 300_000 })).toBeUndefined();
    expect(check({ nowMs: now - 300_000 })).toBeUndefined();
    expect(check({ nowMs: now + 301_000 })).toBe('staleSignature');
    expect(check({ nowMs: now - 301_000 })).toBe('staleSignature');
    expect(check({ timestamp: undefined })).toBe('staleSignature');
    expect(check({ timestamp: '1.8e9' })).toBe('staleSignature');
    expect(check({ signature: undefined })).toBe('badSignature');
    expect(check({ signature: signature.slice(0, -1) })).toBe('badSignature');
    expect(
      check({
        signature: `${signature.slice(0, -1)}0` === signature ? 'v1=0' : `${signature.slice(0, -1)}0`,
      }),
    ).toBe('badSignature');
    expect(check({ body: Buffer.from('{"type":"flight","units":1201}') })).toBe('badSignature');
    expect(check({ secret: devPartnerSecret('harbor-coffee') })).toBe('badSignature');
    expect(check({ signature: signature.toUpperCase() })).toBe('badSignature');
  });
});

describe('webhook backoff', () => {
  it('waits min(5 s * 2^attempts, 1 h) plus at most 10% jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(10_000);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(11_000);
    expect(retryDelayMs(5, () => 0)).toBe(160_000);
    expect(retryDelayMs(10, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(11, () => 0.5)).toBe(3_780_000);
    expect(retryDelayMs(1000, () => 0)).toBe(3_600_000);
  });
});
