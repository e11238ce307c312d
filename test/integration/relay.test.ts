import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Address, type Hex, parseAbiItem, zeroAddress } from 'viem';
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { issueSession, revokeSession } from '../../server/auth/sessions.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { perks } from '../../server/db/perks-schema.ts';
import { relayedActions } from '../../server/db/relay-schema.ts';
import { members, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { queueAward } from '../../server/prizes/award.ts';
import {
  type ForwardRequestMessage,
  forwardTypedData,
  type RelayPrepared,
} from '../../shared/protocol/relay.ts';
import { eventually, startTestLayover } from '../support/layover.ts';

let layover: RunningLayover;
const custody = ANVIL_ACCOUNTS.oracle.address.toLowerCase();
const redeemed = parseAbiItem(
  'event PrizeRedeemed(address indexed member, uint256 indexed prizeId, uint256 amount)',
);

beforeAll(async () => {
  layover = await startTestLayover({
    relay: { relayerKey: undefined, enabled: true, dailyLimit: 4, reauthMs: 600_000 },
  });
}, 120_000);
afterAll(async () => layover?.stop());

const db = () => layover.ctx.ledger.db;
const client = () => layover.ctx.chain.publicClient;
const prizes = () => layover.contracts.Prizes as Address;

interface Member {
  id: string;
  token: string;
  wallet: PrivateKeyAccount | undefined;
}

/** A member with a real session: a fresh wallet without ETH, or no wallet (email); `signedInAgo` ages the sign-in. */
async function member(
  options: { wallet?: boolean; kind?: 'wallet' | 'email' | 'guest'; signedInAgo?: number } = {},
) {
  const wallet = options.wallet === false ? undefined : privateKeyToAccount(generatePrivateKey());
  const id = randomUUID();
  await db()
    .insert(members)
    .values({ id, displayName: 'Relay member', address: wallet?.address.toLowerCase() ?? null });
  const at = new Date(Date.now() - (options.signedInAgo ?? 0));
  const kind = options.kind ?? (wallet ? 'wallet' : 'email');
  const { token } = await issueSession(db(), id, kind, 3_600_000 + (options.signedInAgo ?? 0), at);
  return { id, token, wallet } satisfies Member;
}

/** Awards a prize as a quest would; to custody when `inCustody`; waits until it is on chain (or held). */
async function award(who: Member, prizeId = 'lounge-day-pass', place: 'mint' | 'custody' | 'held' = 'mint') {
  const row = await db().transaction((tx) =>
    queueAward(tx, {
      kind: 'prize',
      memberId: who.id,
      itemId: prizeId,
      eventId: `relay-test:${randomUUID()}`,
      source: 'relay-test',
      at: new Date(),
      custody: place === 'custody' ? custody : undefined,
    }),
  );
  layover.ctx.oracle?.wake();
  if (place !== 'held')
    await eventually(async () => {
      const [done] = await db().select().from(outbox).where(eq(outbox.id, row.id));
      return done?.status === 'delivered' ? true : undefined;
    }, 'prize minted');
  return row.id;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the expectations
type Answer = { status: number; body: any };

async function api(who: Member, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const balance = (address: string, tokenId = 1n) =>
  client().readContract({
    address: prizes(),
    abi: prizesAbi,
    functionName: 'balanceOf',
    args: [address as Address, tokenId],
  });

/** Prepares, signs with the member's wallet (after `tamper`) and submits. */
async function signAndSubmit(
  who: Member,
  intent: Record<string, unknown>,
  tamper: (prepared: Extract<RelayPrepared, { where: 'wallet' }>) => {
    request?: ForwardRequestMessage;
    chainId?: number;
  } = () => ({}),
) {
  const prepared = await api(who, 'POST', '/api/relay/prepare', intent);
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
  expect(prepared.body.where).toBe('wallet');
  const changed = tamper(prepared.body);
  const request = changed.request ?? prepared.body.request;
  const domain = { ...prepared.body.domain, chainId: changed.chainId ?? prepared.body.domain.chainId };
  const signature = await (who.wallet as PrivateKeyAccount).signTypedData(forwardTypedData(domain, request));
  const body = { ...intent, request, signature, ...(changed.chainId ? { chainId: changed.chainId } : {}) };
  return { submitted: await api(who, 'POST', '/api/relay/actions', body), body };
}

const settled = (who: Member, id: string) =>
  eventually(async () => {
    const { body } = await api(who, 'GET', `/api/relay/actions/${id}`);
    return body.status === 'confirmed' || body.status === 'failed' ? body : undefined;
  }, `action ${id} settled`);

describe('wallet-held prizes through the forwarder', () => {
  it('a member without ETH redeems: the token burns, PrizeRedeemed names the member, no ETH spent', async () => {
    const alice = await member();
    await award(alice);
    const address = alice.wallet!.address;
    expect(await client().getBalance({ address })).toBe(0n);
    const { submitted } = await signAndSubmit(alice, {
      kind: 'redeem',
      prizeId: 'lounge-day-pass',
      amount: 1,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const done = await settled(alice, submitted.body.id);
    expect(done.status).toBe('confirmed');
    expect(await balance(address)).toBe(0n);
    expect(await client().getBalance({ address })).toBe(0n);
    const receipt = await client().getTransactionReceipt({ hash: done.txHash as Hex });
    expect(receipt.from.toLowerCase()).toBe(ANVIL_ACCOUNTS.relayer.address.toLowerCase());
    const logs = await client().getLogs({ address: prizes(), event: redeemed, blockHash: receipt.blockHash });
    expect(logs.map((log) => log.args.member?.toLowerCase())).toEqual([address.toLowerCase()]);
  });

  it('a member without ETH gifts to an address; a replay of the same signed request is refused', async () => {
    const bob = await member();
    const friend = privateKeyToAccount(generatePrivateKey()).address;
    await Promise.all([award(bob), award(bob)]);
    const intent = { kind: 'gift', prizeId: 'lounge-day-pass', amount: 1, to: friend };
    const { submitted, body } = await signAndSubmit(bob, intent);
    expect(submitted.status).toBe(201);
    const again = await api(bob, 'POST', '/api/relay/actions', body);
    expect([again.status, again.body.error]).toEqual([409, 'replay']);
    expect((await settled(bob, submitted.body.id)).status).toBe('confirmed');
    expect([await balance(bob.wallet!.address), await balance(friend)]).toEqual([1n, 1n]);
    expect(await client().getBalance({ address: bob.wallet!.address })).toBe(0n);
    const late = await api(bob, 'POST', '/api/relay/actions', body);
    expect([late.status, late.body.error]).toEqual([409, 'replay']);
  });

  it('refuses a wrong nonce, an expired deadline, another chain, another wallet, a zero address, a refusing contract, a soulbound gift', async () => {
    const carol = await member();
    const other = await member();
    await Promise.all([award(carol), award(other)]);
    const redeem = { kind: 'redeem', prizeId: 'lounge-day-pass', amount: 1 };
    const refusal = async (result: Promise<{ submitted: { status: number; body: { error: string } } }>) => {
      const { submitted } = await result;
      return submitted.body.error;
    };
    expect(
      await refusal(signAndSubmit(carol, redeem, (p) => ({ request: { ...p.request, nonce: '7' } }))),
    ).toBe('wrongNonce');
    const past = String(Math.floor(Date.now() / 1000) - 5);
    expect(
      await refusal(signAndSubmit(carol, redeem, (p) => ({ request: { ...p.request, deadline: past } }))),
    ).toBe('expired');
    expect(await refusal(signAndSubmit(carol, redeem, () => ({ chainId: 1 })))).toBe('wrongChain');
    const prepared = await api(carol, 'POST', '/api/relay/prepare', redeem);
    const carols = prepared.body.request;
    const signedByOther = await other.wallet!.signTypedData(forwardTypedData(prepared.body.domain, carols));
    const stolen = await api(other, 'POST', '/api/relay/actions', {
      ...redeem,
      request: carols,
      signature: signedByOther,
    });
    expect([stolen.status, stolen.body.error]).toEqual([403, 'notYourToken']);
    const forged = await api(carol, 'POST', '/api/relay/actions', {
      ...redeem,
      request: carols,
      signature: signedByOther,
    });
    expect([forged.status, forged.body.error]).toEqual([400, 'badSignature']);
    const gift = (to: string) =>
      api(carol, 'POST', '/api/relay/prepare', { kind: 'gift', prizeId: 'lounge-day-pass', to });
    expect((await gift(zeroAddress)).body.error).toBe('zeroAddress');
    expect(
      await refusal(signAndSubmit(carol, { kind: 'gift', prizeId: 'lounge-day-pass', to: prizes() })),
    ).toBe('receiverRefuses');
    const soul = await api(carol, 'POST', '/api/relay/prepare', {
      kind: 'gift',
      prizeId: 'gold-pass',
      to: other.wallet!.address,
    });
    expect(soul.body.error).toBe('soulbound');
    expect(await balance(carol.wallet!.address)).toBe(1n);
    const rows = await db().select().from(relayedActions).where(eq(relayedActions.memberId, carol.id));
    expect(rows).toEqual([]);
  });

  it('refuses guests, revoked sessions, and a member over the daily limit', async () => {
    const guest = await member({ wallet: false, kind: 'guest' });
    expect(
      (await api(guest, 'POST', '/api/relay/prepare', { kind: 'redeem', prizeId: 'lounge-day-pass' })).body
        .error,
    ).toBe('guestNotAllowed');
    const dave = await member();
    await revokeSession(db(), dave.token);
    expect((await api(dave, 'GET', '/api/relay')).status).toBe(401);
    const erin = await member();
    for (let i = 0; i < 5; i++) await award(erin);
    for (let i = 0; i < 4; i++) {
      const { submitted } = await signAndSubmit(erin, { kind: 'redeem', prizeId: 'lounge-day-pass' });
      expect(submitted.status).toBe(201);
      await settled(erin, submitted.body.id);
    }
    const { submitted } = await signAndSubmit(erin, { kind: 'redeem', prizeId: 'lounge-day-pass' });
    expect([submitted.status, submitted.body.error]).toEqual([429, 'dailyLimit']);
    expect(await balance(erin.wallet!.address)).toBe(1n);
  });
});

describe('prizes held for the member', () => {
  it('custody: the server acts only after a fresh sign-in; the ledger names the member the chain does not', async () => {
    const stale = await member({ wallet: false, signedInAgo: 20 * 60_000 });
    await award(stale, 'lounge-day-pass', 'custody');
    const refused = await api(stale, 'POST', '/api/relay/actions', {
      kind: 'redeem',
      prizeId: 'lounge-day-pass',
    });
    expect([refused.status, refused.body.error]).toEqual([403, 'reauthRequired']);
    const fresh = { ...stale, token: (await issueSession(db(), stale.id, 'email', 3_600_000)).token };
    const before = await balance(custody);
    const prepared = await api(fresh, 'POST', '/api/relay/prepare', {
      kind: 'redeem',
      prizeId: 'lounge-day-pass',
    });
    expect(prepared.body).toEqual({ where: 'custody', reauth: false });
    const submitted = await api(fresh, 'POST', '/api/relay/actions', {
      kind: 'redeem',
      prizeId: 'lounge-day-pass',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const done = await settled(fresh, submitted.body.id);
    expect(done.status).toBe('confirmed');
    expect(await balance(custody)).toBe(before - 1n);
    const [row] = await db().select().from(relayedActions).where(eq(relayedActions.txHash, done.txHash));
    expect(row?.memberId).toBe(stale.id);
    const receipt = await client().getTransactionReceipt({ hash: done.txHash as Hex });
    const logs = await client().getLogs({ address: prizes(), event: redeemed, blockHash: receipt.blockHash });
    expect(logs.map((log) => log.args.member?.toLowerCase())).toEqual([custody]);
    const overview = await api(fresh, 'GET', '/api/relay');
    expect(overview.body.prizes).toEqual([]);
  });

  it('gifts to an address from custody (relayed, custody key signs) and from the ledger (minted there)', async () => {
    const giver = await member({ wallet: false });
    const [fromCustody, fromLedger] = [
      privateKeyToAccount(generatePrivateKey()).address,
      privateKeyToAccount(generatePrivateKey()).address,
    ];
    await award(giver, 'lounge-day-pass', 'custody');
    await award(giver, 'upgrade-voucher', 'held');
    const custodyGift = await api(giver, 'POST', '/api/relay/actions', {
      kind: 'gift',
      prizeId: 'lounge-day-pass',
      to: fromCustody,
    });
    expect(custodyGift.status, JSON.stringify(custodyGift.body)).toBe(201);
    expect((await settled(giver, custodyGift.body.id)).status).toBe('confirmed');
    expect(await balance(fromCustody)).toBe(1n);
    const heldGift = await api(giver, 'POST', '/api/relay/actions', {
      kind: 'gift',
      prizeId: 'upgrade-voucher',
      to: fromLedger,
    });
    expect([heldGift.status, heldGift.body.status]).toEqual([201, 'confirmed']);
    await eventually(async () => ((await balance(fromLedger, 3n)) === 1n ? true : undefined), 'gift minted');
    expect((await api(giver, 'GET', '/api/relay')).body.prizes).toEqual([]);
  });

  it('held: a redemption is fulfilled in the ledger at once with a perk', async () => {
    const held = await member({ wallet: false });
    await award(held, 'upgrade-voucher', 'held');
    const submitted = await api(held, 'POST', '/api/relay/actions', {
      kind: 'redeem',
      prizeId: 'upgrade-voucher',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.status).toBe('confirmed');
    const given = await db().select().from(perks).where(eq(perks.memberId, held.id));
    expect(given).toHaveLength(1);
    const again = await api(held, 'POST', '/api/relay/actions', {
      kind: 'redeem',
      prizeId: 'upgrade-voucher',
    });
    expect(again.body.error).toBe('notHeld');
  });

  it('a claim link: the gift waits in escrow, the friend claims it once into custody, the gifter cannot', async () => {
    const gifter = await member();
    await award(gifter);
    const { submitted } = await signAndSubmit(gifter, {
      kind: 'gift',
      prizeId: 'lounge-day-pass',
      link: true,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const token = submitted.body.claimToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await settled(gifter, submitted.body.id);
    const friend = await member({ wallet: false });
    expect((await api(friend, 'GET', `/api/relay/claims/${token}`)).body).toEqual({
      prizeId: 'lounge-day-pass',
      amount: 1,
      state: 'open',
    });
    expect((await api(gifter, 'POST', `/api/relay/claims/${token}`)).body.error).toBe('claimOwn');
    const claimed = await api(friend, 'POST', `/api/relay/claims/${token}`);
    expect([claimed.status, claimed.body.status]).toEqual([201, 'confirmed']);
    const other = await member({ wallet: false });
    expect((await api(other, 'POST', `/api/relay/claims/${token}`)).body.error).toBe('claimUsed');
    expect((await api(other, 'POST', `/api/relay/claims/${'x'.repeat(43)}`)).body.error).toBe(
      'claimNotFound',
    );
    const overview = await api(friend, 'GET', '/api/relay');
    expect(overview.body.prizes).toEqual([
      { prizeId: 'lounge-day-pass', tokenId: 1, where: 'custody', amount: 1, giftable: true },
    ]);
  });
});
