import { request } from 'node:http';
import { Client, type Room } from '@colyseus/sdk';
import { type Hex, hashMessage, type LocalAccount } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage, type SiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { BRAND_ACCOUNT, balanceOf, memberAccount, postMovement } from '../../server/points/ledger.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { deployOwnerWallet } from '../support/owner-wallet.ts';

/** anvil's default accounts; 0-2 play roles in the server, these sign. */
const MNEMONIC = 'test test test test test test test test test test test junk';
const alice = mnemonicToAccount(MNEMONIC, { addressIndex: 4 });
const bob = mnemonicToAccount(MNEMONIC, { addressIndex: 5 });
const carol = mnemonicToAccount(MNEMONIC, { addressIndex: 6 });
const walletOwner = mnemonicToAccount(MNEMONIC, { addressIndex: 7 });

let layover: RunningLayover;
const rooms: Room[] = [];

beforeAll(async () => {
  // TRUST_PROXY names loopback, as behind a local reverse proxy: the rate-limit test sends its X-Forwarded-For.
  layover = await startTestLayover({ trustProxy: ['127.0.0.1', '::1'] });
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => {})));
  await layover?.stop();
});

async function freshNonce(): Promise<string> {
  const { status, body } = await postJson(`${layover.url}/auth/siwe/nonce`, {});
  expect(status).toBe(200);
  return body.nonce;
}

/** A message this server should accept, signed for `address`, with any field overridden. */
function siweMessage(nonce: string, address: Hex, fields: Partial<SiweMessage> = {}): string {
  const now = new Date();
  return createSiweMessage({
    domain: new URL(layover.url).host,
    address,
    statement: 'Sign in to Layover Lounge.',
    uri: layover.url,
    version: '1',
    chainId: layover.chainId,
    nonce,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + 5 * 60_000),
    ...fields,
  });
}

function verify(body: Record<string, unknown>) {
  return postJson(`${layover.url}/auth/siwe/verify`, body);
}

async function signIn(account: LocalAccount, extra: Record<string, unknown> = {}) {
  const message = siweMessage(await freshNonce(), account.address);
  return verify({ message, signature: await account.signMessage({ message }), ...extra });
}

async function me(token: string) {
  const response = await fetch(`${layover.url}/api/members/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('Sign-In with Ethereum', () => {
  it('signs a wallet in; the token is a wallet session and seats a member in the lounge', async () => {
    const { status, body } = await signIn(alice, { name: 'Alice' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      member: { name: 'Alice', address: alice.address.toLowerCase() },
      linked: false,
    });
    expect(await me(body.token)).toMatchObject({
      status: 200,
      body: { kind: 'wallet', member: { id: body.member.id, address: alice.address.toLowerCase() } },
    });
    const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
    rooms.push(room);
    const seated = await waitFor(() => room.state?.members?.get(room.sessionId), 5000, 'Alice seated');
    expect(seated).toMatchObject({ name: 'Alice', tier: 'member' });
  });

  it('returns the same member when the wallet signs in again, whatever name is sent', async () => {
    const first = await signIn(alice);
    const again = await signIn(alice, { name: 'Someone' });
    expect(again.status).toBe(200);
    expect(again.body.member).toEqual(first.body.member);
    expect(again.body.token).not.toBe(first.body.token);
  });

  it('names a wallet member by a short address when no name is sent', async () => {
    const { body } = await signIn(bob);
    expect(body.member.name).toBe(`${bob.address.slice(0, 6)}…${bob.address.slice(-4)}`);
  });

  it('refuses a replayed message: a nonce works once', async () => {
    const message = siweMessage(await freshNonce(), alice.address);
    const signature = await alice.signMessage({ message });
    expect((await verify({ message, signature })).status).toBe(200);
    expect(await verify({ message, signature })).toMatchObject({
      status: 401,
      body: { error: 'siweNonceInvalid' },
    });
  });

  it('never believes a Host header: a message for a spoofed host is refused, the nonce stays usable', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey());
    const nonce = await freshNonce();
    const message = siweMessage(nonce, stranger.address, {
      domain: 'evil.example',
      uri: 'http://evil.example',
    });
    const body = JSON.stringify({ message, signature: await stranger.signMessage({ message }) });
    const { port } = new URL(layover.url);
    const reply = await new Promise<{ status: number; body: { error?: string } }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/auth/siwe/verify',
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(reply).toMatchObject({ status: 401, body: { error: 'siweDomainMismatch' } });
    const honest = siweMessage(nonce, stranger.address);
    expect(
      (await verify({ message: honest, signature: await stranger.signMessage({ message: honest }) })).status,
    ).toBe(200);
  });

  it('refuses a nonce the server never issued', async () => {
    const message = siweMessage('0123456789abcdef0123456789abcdef', alice.address);
    expect(await verify({ message, signature: await alice.signMessage({ message }) })).toMatchObject({
      status: 401,
      body: { error: 'siweNonceInvalid' },
    });
  });

  const host = () => new URL(layover.url).host;
  const tampered: [
    string,
    number,
    string,
    (nonce: string) => Promise<{ message: string; signature: Hex }>,
  ][] = [
    ['a wrong domain', 401, 'siweDomainMismatch', (n) => signed(n, { domain: 'evil.example' })],
    ['a wrong port in the domain', 401, 'siweDomainMismatch', (n) => signed(n, { domain: '127.0.0.1:1' })],
    [
      'another name for this host',
      401,
      'siweDomainMismatch',
      (n) => signed(n, { domain: host().replace('localhost', '127.0.0.1') }),
    ],
    ['a wrong uri', 401, 'siweUriMismatch', (n) => signed(n, { uri: 'https://evil.example/' })],
    ['a wrong chain id', 401, 'siweChainMismatch', (n) => signed(n, { chainId: 1 })],
    [
      'an expired message',
      401,
      'siweExpired',
      (n) => signed(n, { issuedAt: minutesFromNow(-6), expirationTime: minutesFromNow(-1) }),
    ],
    ['a missing expirationTime', 400, 'siweInvalid', (n) => signed(n, { expirationTime: undefined })],
    [
      'an expirationTime too far out',
      400,
      'siweInvalid',
      (n) => signed(n, { expirationTime: minutesFromNow(30) }),
    ],
    [
      'an issuedAt in the future',
      401,
      'siweNotYetValid',
      (n) => signed(n, { issuedAt: minutesFromNow(2), expirationTime: minutesFromNow(6) }),
    ],
    [
      'a stale issuedAt',
      401,
      'siweExpired',
      (n) => signed(n, { issuedAt: minutesFromNow(-11), expirationTime: minutesFromNow(1) }),
    ],
    ['a notBefore in the future', 401, 'siweNotYetValid', (n) => signed(n, { notBefore: minutesFromNow(2) })],
    [
      'a signature by another key',
      401,
      'siweSignatureInvalid',
      async (n) => {
        const message = siweMessage(n, alice.address);
        return { message, signature: await bob.signMessage({ message }) };
      },
    ],
    [
      'a signature with a flipped byte',
      401,
      'siweSignatureInvalid',
      async (n) => {
        const { message, signature } = await signed(n);
        const flipped = (Number.parseInt(signature.slice(22, 24), 16) ^ 0xff).toString(16).padStart(2, '0');
        return { message, signature: `${signature.slice(0, 22)}${flipped}${signature.slice(24)}` as Hex };
      },
    ],
    [
      'a message edited after signing',
      401,
      'siweSignatureInvalid',
      async (n) => {
        const { message, signature } = await signed(n);
        return {
          message: message.replace('Sign in to Layover Lounge.', 'Sign in to Layover Lounge!'),
          signature,
        };
      },
    ],
  ];

  async function signed(nonce: string, fields: Partial<SiweMessage> = {}) {
    const message = siweMessage(nonce, alice.address, fields);
    return { message, signature: await alice.signMessage({ message }) };
  }

  it.each(tampered)(
    'refuses %s, and the nonce still signs the right message in',
    async (_case, status, code, make) => {
      const nonce = await freshNonce();
      const bad = await make(nonce);
      const refused = await verify(bad);
      expect(refused).toMatchObject({ status, body: { error: code } });
      expect(refused.body.detail).toEqual(expect.any(String));
      const good = await signed(nonce);
      expect(await verify(good)).toMatchObject({
        status: 200,
        body: { member: { address: alice.address.toLowerCase() } },
      });
    },
  );

  it.each([
    ['no signature', { message: 'hello' }],
    ['a signature that is not hex', { message: 'hello', signature: 'nope' }],
    ['an overlong message', { message: 'x'.repeat(2001), signature: '0x00' }],
    ['a claimed address field', { message: 'hello', signature: '0x00', address: alice.address }],
    ['text that is no SIWE message', { message: 'hello', signature: `0x${'00'.repeat(65)}` }],
  ])('refuses a malformed body: %s', async (_case, body) => {
    expect(await verify(body)).toMatchObject({ status: 400, body: { error: 'siweInvalid' } });
  });

  it('refuses a nonce request with fields, and a GET', async () => {
    expect(await postJson(`${layover.url}/auth/siwe/nonce`, { address: alice.address })).toMatchObject({
      status: 400,
      body: { error: 'siweInvalid' },
    });
    expect((await fetch(`${layover.url}/auth/siwe/nonce`)).status).toBe(404);
  });

  it('issues fresh 128-bit alphanumeric nonces', async () => {
    const [a, b] = [await freshNonce(), await freshNonce()];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
  });
});

describe('linking a guest to a wallet', () => {
  it('keeps the guest member record and gives it the address', async () => {
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Gus' });
    const { status, body } = await signIn(carol, { linkToken: guest.body.token, name: 'Ignored' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      linked: true,
      member: { id: guest.body.member.id, name: 'Gus', address: carol.address.toLowerCase() },
    });
    expect(await me(body.token)).toMatchObject({
      body: { kind: 'wallet', member: { id: guest.body.member.id } },
    });
    // The guest's browser session was replaced by the wallet's: its old token no longer works.
    expect((await me(guest.body.token)).status).toBe(401);
  });

  it('merges another guest into the existing wallet member, says so, and ends the guest session', async () => {
    const walletMember = (await signIn(alice)).body.member;
    const guest = await postJson(`${layover.url}/auth/guest`, { name: 'Greta' });
    const pointsOf = (memberId: string) => balanceOf(layover.ctx.ledger.db, memberAccount(memberId));
    const before = await pointsOf(walletMember.id);
    await layover.ctx.ledger.db.transaction((tx) =>
      postMovement(tx, {
        key: `opening:${guest.body.member.id}`,
        kind: 'opening',
        reason: { code: 'opening' },
        at: new Date(),
        entries: [
          { account: memberAccount(guest.body.member.id), amount: 25 },
          { account: BRAND_ACCOUNT, amount: -25 },
        ],
      }),
    );
    const { status, body } = await signIn(alice, { linkToken: guest.body.token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ linked: false, member: walletMember });
    expect((await me(guest.body.token)).status).toBe(401);
    // The guest's progress moved into the wallet's member.
    expect(await pointsOf(walletMember.id)).toBe(before + 25);
    expect(await pointsOf(guest.body.member.id)).toBe(0);
  });

  it('ignores a link token that is not a live session', async () => {
    const fresh = privateKeyToAccount(generatePrivateKey());
    const { status, body } = await signIn(fresh, { linkToken: 'not-a-real-token-at-all-000', name: 'Fay' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      linked: false,
      member: { name: 'Fay', address: fresh.address.toLowerCase() },
    });
  });
});

describe('smart-contract wallets (ERC-1271)', () => {
  it('signs a contract account in through its owner, and refuses the owner once replaced', async () => {
    const wallet = await deployOwnerWallet(layover.rpcUrl, walletOwner);
    const ownerSigned = async () => {
      const message = siweMessage(await freshNonce(), wallet.address);
      return { message, signature: await walletOwner.sign({ hash: hashMessage(message) }) };
    };

    const { status, body } = await verify({ ...(await ownerSigned()), name: 'Vault' });
    expect(status).toBe(200);
    expect(body.member).toMatchObject({ name: 'Vault', address: wallet.address.toLowerCase() });

    await wallet.setOwner(privateKeyToAccount(generatePrivateKey()).address);
    expect(await verify(await ownerSigned())).toMatchObject({
      status: 401,
      body: { error: 'siweSignatureInvalid' },
    });
  });
});

describe('rate limits', () => {
  it('limits nonce requests per client address', async () => {
    // TRUST_PROXY names loopback, so X-Forwarded-For is believed: one address of its own, not the test's.
    const ask = () =>
      fetch(`${layover.url}/auth/siwe/nonce`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: '{}',
      });
    const answers = await Promise.all(Array.from({ length: 40 }, ask));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(await limited[0]?.json()).toMatchObject({ error: 'rateLimited' });
    expect((await freshNonce()).length).toBe(32);
  });
});
