import { randomUUID } from 'node:crypto';
import { LocalPresence } from '@colyseus/core';
import { count, eq } from 'drizzle-orm';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { issueSession } from '../../server/auth/sessions.ts';
import { PRIZE_NOT_ON_CHAIN } from '../../server/chain/oracle/calls.ts';
import { addPublishedPrize, prizeOnChain } from '../../server/chain/prize-admin.ts';
import { addNewPrizes, prizeAdminOf } from '../../server/content/prize-chain.ts';
import { openContentRegistry } from '../../server/content/registry.ts';
import { campaigns } from '../../server/db/campaigns-schema.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import { perkRedemptions, perks } from '../../server/db/perks-schema.ts';
import { memberCredentials, outbox } from '../../server/db/schema.ts';
import { emailPrincipal, grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { heldRewardsOpen } from '../../server/passes/held-gate.ts';
import { PERK_BRAND } from '../../server/perks/brand.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { loadQuestsSnapshot } from '../../server/quests/passport.ts';
import { holdingsOf } from '../../server/relay/holdings.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { ContentChange } from '../../shared/protocol/content.ts';
import { erc1155IdHex } from '../../shared/protocol/metadata.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import { eventually, startTestLayover } from '../support/layover.ts';

// A prize published after boot (through the registry, so no addPrize is sent: a server waiting for the brand's wallet)
// is served as token metadata and seen by the relay holdings, custody, held-reward gates and the check-in desk; its
// award waits in the queue under prizeNotOnChain (nothing minted, the queue not blocked) and a campaign drop of it is
// refused until it is added on chain; a retired (disabled) prize is no longer dropped or rewarded.
let layover: RunningLayover;
let db: Db;
let operator: string;
let desk: string;

const text = (en: string) => ({ en, 'zh-Hant': `${en}（繁）`, 'zh-Hans': `${en}（简）`, vi: `${en} (vi)` });
const TEA: Prize = {
  id: 'tea-voucher',
  tokenId: 20,
  name: text('Tea Voucher'),
  perk: text('One pot of tea at the bar.'),
  maxSupply: 100,
  memberCap: 0,
  soulbound: false,
  enabled: true,
};
const teaQuest = {
  id: 'tea-time',
  title: text('Tea Time'),
  description: text('Say hello twice.'),
  steps: [{ id: 'hello', kind: 'chat', label: text('Say hello'), count: 2 }],
  rewards: { stamps: [], points: 0, prizes: ['tea-voucher'] },
};
const CUSTODY = '0x00000000000000000000000000000000000c0de5';
const WINNER = '0x00000000000000000000000000000000000a11ce';

async function publish(changes: ContentChange[]) {
  const outcome = await layover.ctx.content.publish({
    baseVersion: layover.ctx.content.current().version,
    changes,
    by: 'test',
  });
  if (!outcome.ok) throw new Error(`publish refused: ${JSON.stringify(outcome)}`);
  return outcome;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
async function api(method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : undefined };
}

async function staff(role: StaffRoleName): Promise<string> {
  const record = await createMember(db, { displayName: `Staff ${role}` });
  const email = `${role}-${record.id.slice(0, 6)}@brand.example`;
  await db
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: record.id, kind: 'email', subject: email });
  await grantStaffRole(db, emailPrincipal(email), role);
  return (await issueSession(db, record.id, 'email', 3_600_000)).token;
}

const award = (memberId: string, itemId: string, custody?: string) =>
  db.transaction((tx) =>
    queueAward(tx, {
      kind: 'prize',
      memberId,
      itemId,
      eventId: `test:${randomUUID()}`,
      source: 'test',
      at: new Date(),
      custody,
      prizes: layover.ctx.content.current().bundle.prizes,
    }),
  );
const rowOf = async (id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];
const teaBalance = (address: string) =>
  layover.ctx.chain.publicClient.readContract({
    address: layover.ctx.chain.contracts.Prizes as Address,
    abi: prizesAbi,
    functionName: 'balanceOf',
    args: [address as Address, BigInt(TEA.tokenId)],
  });
const dropTea = (token: string) =>
  api('POST', routes.consoleCreateCampaign.path, token, {
    requestId: randomUUID(),
    filter: {},
    content: { kind: 'drop', prizeId: TEA.id },
  });
const metadata = (locale?: string) =>
  api('GET', `/metadata/prize/${locale ? `${locale}/` : ''}${erc1155IdHex(BigInt(TEA.tokenId))}`);

beforeAll(async () => {
  layover = await startTestLayover();
  db = layover.ctx.ledger.db;
  operator = await staff('content');
  desk = await staff('checkin');
  await publish([
    { kind: 'prize', id: TEA.id, body: TEA },
    { kind: 'quest', id: teaQuest.id, body: teaQuest },
  ]);
}, 120_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

describe('a prize published after boot', () => {
  it('is served as token metadata, with the published journey and the collection art', async () => {
    const en = await metadata();
    expect(en.status).toBe(200);
    expect(en.body.name).toBe('Tea Voucher');
    expect(en.body.image).toMatch(/\/prizes\/collection\.svg$/);
    const earnedBy = en.body.attributes.find((a: { trait_type: string }) => a.trait_type === 'Earned by');
    expect(earnedBy.value).toContain('Tea Time');
    expect((await metadata('zh-Hant')).body.name).toBe(TEA.name['zh-Hant']);
  });

  it('waits unminted under prizeNotOnChain while not on chain, a drop is refused, and it mints once added', async () => {
    expect(await prizeOnChain(prizeAdminOf(layover.ctx), TEA.tokenId)).toBe(false);
    const winner = await createMember(db, { displayName: 'Tea Winner', address: WINNER });
    const tea = await award(winner.id, TEA.id);
    const dayPass = await award(winner.id, 'lounge-day-pass');
    layover.ctx.oracle?.wake();
    // The seed prize queued after it is minted: a waiting prize does not block the queue.
    await eventually(
      async () => ((await rowOf(dayPass.id))?.status === 'delivered' ? true : undefined),
      'the day pass delivered',
      30_000,
    );
    const waiting = await eventually(async () => {
      const row = await rowOf(tea.id);
      return row?.lastError === PRIZE_NOT_ON_CHAIN ? row : undefined;
    }, 'the tea row marked prizeNotOnChain');
    expect(waiting).toMatchObject({ status: 'queued', txHash: null, attemptId: null });
    expect(await teaBalance(winner.address as string)).toBe(0n);
    // The member's passport says the brand is still issuing it (rewards.waitingForBrand).
    const passport = () =>
      loadQuestsSnapshot(db, winner.id, Date.now(), layover.ctx.content.current().questContent);
    expect((await passport()).prizes.find((prize) => prize.prizeId === TEA.id)).toMatchObject({
      state: 'queued',
      waitingForBrand: true,
    });

    const campaignsBefore = (await db.select({ n: count() }).from(campaigns))[0]?.n;
    expect((await dropTea(await staff('analyst'))).status).toBe(403);
    expect((await dropTea(desk)).status).toBe(403);
    const refused = await dropTea(operator);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe(PRIZE_NOT_ON_CHAIN);
    expect((await db.select({ n: count() }).from(campaigns))[0]?.n).toBe(campaignsBefore);

    // The brand's admin adds it (here: this dev server's admin key, as a publish through the console does).
    const { bundle } = layover.ctx.content.current();
    const without = { ...bundle, prizes: bundle.prizes.filter((prize) => prize.id !== TEA.id) };
    const [state] = await addNewPrizes(layover.ctx, without, bundle);
    expect(state).toMatchObject({ prizeId: TEA.id, onChain: true });
    const delivered = await eventually(
      async () => {
        const row = await rowOf(tea.id);
        return row?.status === 'delivered' ? row : undefined;
      },
      'the tea row delivered',
      30_000,
    );
    expect(delivered.lastError).toBeNull();
    const shown = (await passport()).prizes.find((prize) => prize.prizeId === TEA.id);
    expect(shown?.state).toBe('delivered');
    expect(shown).not.toHaveProperty('waitingForBrand');
    expect(await teaBalance(winner.address as string)).toBe(1n);
    const holdings = await holdingsOf(layover.ctx, { id: winner.id, address: winner.address });
    expect(holdings).toContainEqual(
      expect.objectContaining({ prizeId: TEA.id, tokenId: TEA.tokenId, where: 'wallet', amount: 1 }),
    );
  });

  it('goes to custody for a guest, opens a gate while held, and is named at the check-in desk', async () => {
    const guest = await createMember(db, { displayName: 'Tea Guest' });
    const inCustody = await award(guest.id, TEA.id, CUSTODY);
    expect(inCustody).toMatchObject({ custody: CUSTODY, recipient: CUSTODY, status: 'queued' });

    const holder = await createMember(db, { displayName: 'Tea Holder' });
    const held = await award(holder.id, TEA.id);
    expect(held.status).toBe('held');
    expect(await heldRewardsOpen(layover.ctx, holder.id, 'suite')).toBe(false);
    const rule = { anyOf: [{ contract: 'Prizes', standard: 'erc1155', tokenIds: ['20'], minBalance: 1 }] };
    await publish([{ kind: 'gate', id: 'suite', body: rule }]);
    expect(await heldRewardsOpen(layover.ctx, holder.id, 'suite')).toBe(true);

    const key = `test:${randomUUID()}`;
    await db
      .insert(perkRedemptions)
      .values({ key, memberId: holder.id, prizeId: TEA.id, amount: 1, createdAt: new Date() });
    await db.insert(perks).values({
      id: randomUUID(),
      memberId: holder.id,
      prizeId: TEA.id,
      kind: 'generatedCode',
      code: 'TEAV0VCHERABCDEF',
      expiresAt: new Date(Date.now() + 86_400_000),
      redemptionKey: key,
      unit: 0,
      brand: PERK_BRAND,
      createdAt: new Date(),
    });
    const found = await api('POST', routes.consoleCheckinLookup.path, desk, {
      code: 'TEAV-0VCH-ERAB-CDEF',
      locale: 'vi',
    });
    expect(found.status).toBe(200);
    expect(found.body.perk).toMatchObject({ prizeName: TEA.name.vi, perkText: TEA.perk.vi });
  });

  it('once retired, is no longer dropped or rewarded, and its tokens still count and are described', async () => {
    await publish([
      { kind: 'quest', id: teaQuest.id, body: { remove: true } },
      { kind: 'prize', id: TEA.id, body: { ...TEA, enabled: false } },
    ]);
    const refused = await dropTea(operator);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe('unknownPrize');
    const preview = layover.ctx.content.preview([{ kind: 'quest', id: teaQuest.id, body: teaQuest }]);
    expect(preview.issues).toContainEqual(
      expect.objectContaining({ kind: 'quest', id: teaQuest.id, message: expect.stringMatching(/retired/) }),
    );
    const served = await metadata();
    expect(served.status).toBe(200);
    expect(served.body.attributes).toContainEqual({ trait_type: 'Retired', value: 'Yes' });
    const holder = await createMember(db, { displayName: 'Retired Holder' });
    await award(holder.id, TEA.id);
    expect(await heldRewardsOpen(layover.ctx, holder.id, 'suite')).toBe(true);
  });

  it('won in another process before this one swapped to its version, it waits instead of failing unknownItem', async () => {
    // Process B: its own registry on the same ledger, whose notice this process does not hear (only its 2 s poll).
    const other = await openContentRegistry({
      db,
      presence: new LocalPresence(),
      logger: layover.ctx.logger,
    });
    try {
      const coffee: Prize = { ...TEA, id: 'coffee-voucher', tokenId: 21, name: text('Coffee Voucher') };
      const outcome = await other.publish({
        baseVersion: other.current().version,
        changes: [{ kind: 'prize', id: coffee.id, body: coffee }],
        by: 'process B',
      });
      expect(outcome.ok).toBe(true);
      expect(layover.ctx.content.current().prize(coffee.id)).toBeUndefined();
      const winner = await createMember(db, {
        displayName: 'Coffee Winner',
        address: `0x${'c0'.repeat(20)}`,
      });
      const row = await award(winner.id, coffee.id);
      layover.ctx.oracle?.wake();
      const waiting = await eventually(async () => {
        const current = await rowOf(row.id);
        return current?.lastError ? current : undefined;
      }, 'the coffee row looked at by the oracle');
      expect(waiting).toMatchObject({ status: 'queued', lastError: PRIZE_NOT_ON_CHAIN });
    } finally {
      await other.stop();
    }
  });

  it('added by two processes at once with the same key (a boot during a publish), both find it on chain', async () => {
    const juice: Prize = { ...TEA, id: 'juice-voucher', tokenId: 22, name: text('Juice Voucher') };
    const admin = prizeAdminOf(layover.ctx);
    expect(await prizeOnChain(admin, juice.tokenId)).toBe(false);
    const states = await Promise.all([addPublishedPrize(admin, juice), addPublishedPrize(admin, juice)]);
    expect(states.map((state) => state.onChain)).toEqual([true, true]);
    expect(states.filter((state) => state.txHash)).toHaveLength(1);
    expect(await prizeOnChain(admin, juice.tokenId)).toBe(true);
  });
});
