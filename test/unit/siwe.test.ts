import { createSiweMessage, type SiweMessage } from 'viem/siwe';
import { describe, expect, it } from 'vitest';
import { checkSiweMessage, type SiweExpectations, shortAddress } from '../../server/auth/siwe.ts';
import { SiweNonceBody, SiweVerifyBody } from '../../shared/protocol/siwe.ts';

const now = new Date('2030-01-01T12:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const seconds = (n: number) => new Date(now.getTime() + n * 1000);
const expected: SiweExpectations = {
  domain: 'lounge.example:8443',
  origin: 'https://lounge.example:8443',
  chainId: 31337,
  now,
};
const good: SiweMessage = {
  domain: 'lounge.example:8443',
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  statement: 'Sign in to Layover Lounge.',
  uri: 'https://lounge.example:8443',
  version: '1',
  chainId: 31337,
  nonce: 'a1b2c3d4e5f60718293a4b5c',
  issuedAt: minutes(-1),
  expirationTime: minutes(4),
};
const check = (fields: Partial<SiweMessage>) =>
  checkSiweMessage(createSiweMessage({ ...good, ...fields }), expected);

describe('checkSiweMessage', () => {
  it('accepts a message for this server, chain and time, with the checksummed address', () => {
    expect(check({})).toEqual({
      ok: true,
      message: {
        address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
        nonce: good.nonce,
        issuedAt: good.issuedAt,
        expirationTime: good.expirationTime,
      },
    });
    expect(
      check({ uri: 'https://lounge.example:8443/lounge?x=1', scheme: 'https', notBefore: minutes(-1) }).ok,
    ).toBe(true);
    expect(check({ issuedAt: seconds(20), expirationTime: minutes(5) }).ok).toBe(true);
    expect(check({ issuedAt: minutes(-9), expirationTime: minutes(1) }).ok).toBe(true);
  });

  it.each([
    ['another domain', { domain: 'evil.example:8443' }, 'siweDomainMismatch'],
    ['another port', { domain: 'lounge.example' }, 'siweDomainMismatch'],
    ['another scheme', { scheme: 'http' }, 'siweDomainMismatch'],
    ['a uri on another origin', { uri: 'https://evil.example:8443/' }, 'siweUriMismatch'],
    ['a uri over http', { uri: 'http://lounge.example:8443/' }, 'siweUriMismatch'],
    ['another chain', { chainId: 1 }, 'siweChainMismatch'],
    ['no expiration', { expirationTime: undefined }, 'siweInvalid'],
    ['an expiration over 10 minutes out', { expirationTime: minutes(10) }, 'siweInvalid'],
    ['an expiration before issuedAt', { issuedAt: seconds(20), expirationTime: seconds(10) }, 'siweInvalid'],
    ['an expired message', { issuedAt: minutes(-6), expirationTime: seconds(-1) }, 'siweExpired'],
    [
      'an issuedAt over 10 minutes ago',
      { issuedAt: minutes(-11), expirationTime: minutes(1) },
      'siweExpired',
    ],
    ['an issuedAt in the future', { issuedAt: seconds(31), expirationTime: minutes(5) }, 'siweNotYetValid'],
    ['a notBefore in the future', { notBefore: minutes(1) }, 'siweNotYetValid'],
  ] as const)('refuses %s', (_case, fields, code) => {
    expect(check(fields as Partial<SiweMessage>)).toMatchObject({ ok: false, code });
  });

  it('refuses text that is not an EIP-4361 message, or a short nonce', () => {
    expect(checkSiweMessage('hello', expected)).toMatchObject({ ok: false, code: 'siweInvalid' });
    const message = createSiweMessage(good);
    expect(checkSiweMessage(message.replace('Version: 1', 'Version: 2'), expected)).toMatchObject({
      code: 'siweInvalid',
    });
    expect(
      checkSiweMessage(message.replace(/Issued At: .*/, 'Issued At: yesterday'), expected),
    ).toMatchObject({ code: 'siweInvalid' });
    expect(checkSiweMessage(message.replace(/URI: .*/, 'URI: lounge'), expected)).toMatchObject({
      code: 'siweUriMismatch',
    });
    expect(checkSiweMessage(message.replace(good.nonce, 'abc12345'), expected).ok).toBe(true);
    expect(checkSiweMessage(message.replace(good.nonce, 'abc1234'), expected)).toMatchObject({
      code: 'siweInvalid',
    });
  });
});

describe('SIWE request schemas', () => {
  const signature = `0x${'ab'.repeat(65)}`;

  it('takes an empty nonce request and a verify body with an optional name and link token', () => {
    expect(SiweNonceBody.parse({})).toEqual({});
    expect(SiweVerifyBody.parse({ message: 'm', signature, name: '  Ana ' })).toEqual({
      message: 'm',
      signature,
      name: 'Ana',
    });
    expect(
      SiweVerifyBody.parse({ message: 'm', signature, linkToken: 'x'.repeat(43) }).linkToken,
    ).toHaveLength(43);
  });

  it.each([
    ['a nonce request with fields', SiweNonceBody, { address: '0x1' }],
    ['an overlong message', SiweVerifyBody, { message: 'm'.repeat(2001), signature }],
    ['a signature that is not hex', SiweVerifyBody, { message: 'm', signature: '0xzz' }],
    ['a signature of odd length', SiweVerifyBody, { message: 'm', signature: '0xabc' }],
    ['an empty name', SiweVerifyBody, { message: 'm', signature, name: ' ' }],
    ['an extra field', SiweVerifyBody, { message: 'm', signature, address: '0x1' }],
  ] as const)('refuses %s', (_case, schema, input) => {
    expect(schema.safeParse(input).success).toBe(false);
  });

  it('shortens an address for a default name', () => {
    expect(shortAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266')).toBe('0xf39f…2266');
  });
});
