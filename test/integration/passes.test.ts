import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Address, parseEventLogs } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { findOrCreateMemberByAddress, linkMemberAddress } from '../../server/db/members.ts';
import { memberPasses } from '../../server/db/passes-schema.ts';
import { accountAudit, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { heldRewardsOpen } from '../../server/passes/held-gate.ts';
import { applyPassRule } from '../../server/passes/issue.ts';
import { applyRulesFor } from '../../server/passes/rules.ts';
import { passRound, startPassService } from '../../server/passes/service.ts';
import { memberPassView } from '../../server/passes/view.ts';
import { memberAccount, type PointsAccount, postMovement } from '../../server/points/ledger.ts';
import { memberNumberOf } from '../../server/points/member-number.ts';
import { passRuleById } from '../../shared/content/pass-rules.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { eventually, postJson, startTestLayover } from '../support/layover.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';

// Passes issued for real on anvil: a status reached mints one LoungePass through the oracle's outbox, a higher
// status later changes its tier on chain (TierChanged), a member without a wallet has it held until they link one.
let layover: RunningLayover;
const SKYWAY: PointsAccount = { kind: 'partner', id: 'skyway-air' };

beforeAll(async () => {
  layover = await startTestLayover();
}, 120_000);

afterAll(async () => {
  await layover?.stop();
}, 60_000);

const db = () => layover.ctx.ledger.db;
const client = () => layover.ctx.chain.publicClient;
const pass = () => layover.contracts.LoungePass as Address;

/** Qualifying partner points through the ledger, as a partner activity would post them. */
async function give(memberId: string, amount: number) {
  await db().transaction((tx) =>
    postMovement(tx, {
      key: `test-partner:${randomUUID()}`,
      kind: 'partner',
      reason: { code: 'partner', params: {} },
      at: new Date(),
      partnerId: SKYWAY.id,
      entries: [
        { account: memberAccount(memberId), amount },
        { account: SKYWAY, amount: -amount },
      ],
    }),
  );
}

async function walletMember(name: string) {
  const address = privateKeyToAccount(generatePrivateKey()).address;
  const member = await findOrCreateMemberByAddress(db(), address, name);
  return { id: member.id, address };
}

/** The member's pass once its token is minted and every tier the rules gave is on chain. */
const settled = (memberId: string, tier: number) =>
  eventually(
    async () => {
      const view = await memberPassView(db(), memberId);
      return view?.place === 'wallet' && view.chainTier === tier && view.tokenId ? view : undefined;
    },
    `pass of tier ${tier} on chain`,
    30_000,
  );

async function passLogs(address: Address) {
  const minted = await client().getContractEvents({
    address: pass(),
    abi: loungePassAbi,
    eventName: 'PassMinted',
    args: { to: address },
    fromBlock: 0n,
  });
  return minted;
}

describe('passes by status', () => {
  it('mints one Silver pass when a member reaches Frequent Flyer, once, with three pass services and replayed rules', async () => {
    const member = await walletMember('Frequent');
    // Two more pass services beside the server's own, as two more processes would run them.
    const others = [
      startPassService(layover.ctx, { intervalMs: 50 }),
      startPassService(layover.ctx, { intervalMs: 70 }),
    ];
    await give(member.id, 5_000);
    const view = await settled(member.id, 1);
    await Promise.all(others.map((stop) => stop()));
    const tokenId = BigInt(view.tokenId ?? '');
    expect(
      await client().readContract({
        address: pass(),
        abi: loungePassAbi,
        functionName: 'ownerOf',
        args: [tokenId],
      }),
    ).toBe(member.address);
    expect(
      await client().readContract({
        address: pass(),
        abi: loungePassAbi,
        functionName: 'tierOf',
        args: [tokenId],
      }),
    ).toBe(1);
    expect(view.grants.map((grant) => grant.ruleId)).toEqual(['frequent-flyer-silver']);

    // Replays: the rules again, several rounds at once (as several processes would), a restart's first round.
    expect(
      await applyRulesFor(db(), member.id, Date.now(), layover.ctx.content.current().questContent.levels),
    ).toEqual({
      'frequent-flyer-silver': 'alreadyApplied',
    });
    await Promise.all([passRound(layover.ctx), passRound(layover.ctx), passRound(layover.ctx)]);
    const rows = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.memberId, member.id), eq(outbox.kind, 'pass')));
    expect(rows).toHaveLength(1);
    expect(await passLogs(member.address)).toHaveLength(1);
  }, 60_000);

  it('upgrades the same pass to Gold on chain (TierChanged) when the member later reaches Jetsetter', async () => {
    const member = await walletMember('Climber');
    await give(member.id, 5_000);
    const silver = await settled(member.id, 1);
    await give(member.id, 15_000);
    const gold = await settled(member.id, 2);
    expect(gold.tokenId).toBe(silver.tokenId);
    expect(gold.tier).toBe(2);
    const tokenId = BigInt(gold.tokenId ?? '');
    expect(
      await client().readContract({
        address: pass(),
        abi: loungePassAbi,
        functionName: 'tierOf',
        args: [tokenId],
      }),
    ).toBe(2);
    const [change] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.memberId, member.id), eq(outbox.kind, 'tier')));
    const receipt = await client().getTransactionReceipt({ hash: change?.txHash as `0x${string}` });
    const events = parseEventLogs({ abi: loungePassAbi, eventName: 'TierChanged', logs: receipt.logs });
    expect(events.map((event) => [event.args.tokenId, event.args.fromTier, event.args.toTier])).toEqual([
      [tokenId, 1, 2],
    ]);
    expect(await passLogs(member.address)).toHaveLength(1);
    // Another round changes nothing more.
    await passRound(layover.ctx);
    expect(
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.memberId, member.id), eq(outbox.kind, 'tier'))),
    ).toHaveLength(1);
  }, 90_000);
});

describe('passes without a wallet and console grants', () => {
  it('holds the pass of a member without a wallet (visible, opens VIP at Gold), then mints it to the wallet they link', async () => {
    const { body } = await postJson(`${layover.url}/auth/guest`, { name: 'No Wallet' });
    const memberId: string = body.member.id;
    await give(memberId, 5_000);
    const held = await eventually(
      async () => (await memberPassView(db(), memberId)) ?? undefined,
      'held pass',
    );
    expect(held).toMatchObject({ tier: 1, place: 'held', tokenId: null, chainTier: null });
    expect(await heldRewardsOpen(layover.ctx, memberId, 'vip')).toBe(false);

    // A brand grant while held: the mint itself carries the higher tier (no setTier later).
    const rule = passRuleById('brand-gold');
    if (!rule) throw new Error('content lacks brand-gold');
    const staff = await walletMember('Staff');
    const actor = { by: 'staff' as const, staffId: staff.id, note: 'Launch guest' };
    expect(await applyPassRule(db(), memberId, rule, actor, new Date())).toBe('upgrading');
    expect(await applyPassRule(db(), memberId, rule, actor, new Date())).toBe('alreadyApplied');
    expect(await heldRewardsOpen(layover.ctx, memberId, 'vip')).toBe(true);
    const audit = await db()
      .select()
      .from(accountAudit)
      .where(and(eq(accountAudit.memberId, memberId), eq(accountAudit.action, 'passGranted')));
    expect(audit.map((row) => [row.actorMemberId, row.detail])).toEqual([
      [staff.id, { ruleId: 'brand-gold', tier: 2, note: 'Launch guest' }],
    ]);

    const address = privateKeyToAccount(generatePrivateKey()).address;
    expect(await linkMemberAddress(db(), memberId, address)).toBeDefined();
    layover.ctx.oracle?.wake();
    const minted = await settled(memberId, 2);
    expect(await passLogs(address)).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.memberId, memberId), eq(outbox.kind, 'tier'))),
    ).toHaveLength(0);
    const [row] = await db().select().from(memberPasses).where(eq(memberPasses.memberId, memberId));
    expect(row).toMatchObject({ tier: 2, chainTier: 2, tokenId: minted.tokenId });
  }, 60_000);

  it('refuses a grant for a member who does not exist', async () => {
    const rule = passRuleById('brand-silver');
    if (!rule) throw new Error('content lacks brand-silver');
    expect(await applyPassRule(db(), randomUUID(), rule, { by: 'system' }, new Date())).toBe(
      'memberNotFound',
    );
  });
});

describe('passes by partner activity', () => {
  it('mints a Silver pass for a Lumen Hotels stay reported through the partner API (500 points: no status yet)', async () => {
    const member = await walletMember('Hotel Guest');
    const stay = await partnerFetch(layover.url, {
      partnerId: 'lumen-hotels',
      secret: devPartnerSecret('lumen-hotels'),
      method: 'POST',
      path: routes.partnerActivities.path,
      idempotencyKey: `stay-${randomUUID()}`,
      body: {
        type: 'stay',
        member: { memberNumber: await memberNumberOf(db(), member.id) },
        units: 1,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        description: 'Two nights, harbour view',
      },
    });
    expect(stay.status).toBe(201);
    const view = await settled(member.id, 1);
    expect(view.grants.map((grant) => [grant.ruleId, grant.source])).toEqual([
      ['lumen-hotels-stay', 'partner'],
    ]);
    expect(await passLogs(member.address)).toHaveLength(1);
  }, 60_000);
});
