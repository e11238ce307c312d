import { Client, type Room } from '@colyseus/sdk';
import { eq, inArray } from 'drizzle-orm';
import { type Address, createPublicClient, createWalletClient, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../contracts/abi/Stamps.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { events, members, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { recordQuestEvent } from '../../server/quests/record.ts';
import { questContent } from '../../shared/content/quests.ts';
import type { DeliveryUpdate, PrizeView, QuestsSnapshot, StampEarned } from '../../shared/protocol/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { eventually, postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { distanceTo } from '../support/pose.ts';

let layover: RunningLayover;
let alice: Joined;
const rooms: Room<unknown, LoungeState>[] = [];

interface Joined {
  room: Room<unknown, LoungeState>;
  token: string;
  snapshots: QuestsSnapshot[];
  stamps: StampEarned[];
  prizes: PrizeView[];
}

async function join(name: string, token?: string): Promise<Joined> {
  const session = token ?? (await postJson(`${layover.url}/auth/guest`, { name })).body.token;
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: session });
  rooms.push(room);
  const joined: Joined = { room, token: session, snapshots: [], stamps: [], prizes: [] };
  room.onMessage('quests', (snapshot: QuestsSnapshot) => joined.snapshots.push(snapshot));
  room.onMessage('stampEarned', (stamp: StampEarned) => joined.stamps.push(stamp));
  room.onMessage('prizeWon', (prize: PrizeView) => joined.prizes.push(prize));
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, `${name} in state`);
  return joined;
}

async function walkTo(who: Joined, x: number, z: number): Promise<void> {
  who.room.send('moveTo', { x, z });
  await waitFor(
    () => {
      const member = who.room.state.members.get(who.room.sessionId);
      return member && distanceTo(member, x, z) < 0.1;
    },
    15_000,
    `arrival at (${x}, ${z})`,
  );
}

const step = (snapshot: QuestsSnapshot | undefined, questId: string, stepId: string) =>
  snapshot?.quests.find((quest) => quest.id === questId)?.steps.find((s) => s.id === stepId)?.progress;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
async function getJson(path: string, token: string): Promise<any> {
  const response = await fetch(`${layover.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
});

describe('First Visit with real clients', () => {
  let bob: Joined;

  it('sends each member their snapshot on join', async () => {
    alice = await join('Alice');
    bob = await join('Bob');
    const first = await waitFor(() => alice.snapshots[0], 5000, 'snapshot on join');
    expect(first.quests.find((quest) => quest.id === 'first-visit')?.status).toBe('active');
    expect(first.status).toMatchObject({ level: 'guest', stamps: 0 });
    await waitFor(() => bob.snapshots[0], 5000, "Bob's snapshot");
  });

  it('counts the window from server positions, and a wave only near another member', async () => {
    await walkTo(alice, -4, 6);
    await walkTo(alice, -4, -13);
    await waitFor(() => step(alice.snapshots.at(-1), 'first-visit', 'window') === 1, 5000, 'window step');
    await walkTo(bob, -4, 6);
    await walkTo(bob, -4, -11);
    // Reading the board from the window counts for nothing; the wave right after it does.
    alice.room.send('interact', { objectId: 'departures-board' });
    alice.room.send('emote', { emote: 'wave' });
    const waved = await waitFor(
      () => alice.snapshots.find((snapshot) => step(snapshot, 'first-visit', 'wave') === 1),
      5000,
      'wave step',
    );
    expect(step(waved, 'first-visit', 'board')).toBe(0);
    expect(alice.stamps).toEqual([]);
  });

  it('records a zone visit only where a published quest can count it', async () => {
    // No quest counts the stage; a quest step names the bar. Alice's writes are ordered, so once the bar's visit is in
    // the ledger a visit to the stage before it would be too.
    await walkTo(alice, 14, -3);
    await walkTo(alice, -10, 4);
    const zonesVisited = async () =>
      (await getJson('/api/members/me/export', alice.token)).events
        .filter((event: { kind: string }) => event.kind === 'zoneVisited')
        .map((event: { payload: { zone: string } }) => event.payload.zone);
    const visited = await eventually(async () => {
      const zones = await zonesVisited();
      return zones.includes('bar') ? zones : undefined;
    }, "the bar's visit");
    expect(visited).not.toContain('stage');
    expect(visited).toContain('window');
  });

  it('completes First Visit at the departures board: stamp, status, passport and outbox', async () => {
    await walkTo(alice, -4, 6);
    await walkTo(alice, 0, 11);
    alice.room.send('interact', { objectId: 'departures-board' });
    const stamp = await waitFor(() => alice.stamps[0], 5000, 'stampEarned');
    expect(stamp).toMatchObject({ stampId: 'first-visit', questId: 'first-visit' });
    expect(bob.stamps).toEqual([]);
    const latest = alice.snapshots.at(-1);
    expect(latest?.quests.find((quest) => quest.id === 'first-visit')?.status).toBe('completed');
    // Everyone sees the new status on Alice's name tag.
    await waitFor(
      () => bob.room.state.members.get(alice.room.sessionId)?.status === 'explorer',
      3000,
      'status',
    );

    const me = await getJson('/api/members/me', alice.token);
    expect(me.member.name).toBe('Alice');
    expect(me.status).toMatchObject({ level: 'explorer', stamps: 1 });
    expect(me.points).toBe(100);
    expect(me.stamps).toEqual([
      {
        stampId: 'first-visit',
        questId: 'first-visit',
        earnedAt: stamp.earnedAt,
        where: 'lounge/departures-board',
        chain: 'held',
        txHash: null,
      },
    ]);

    const record = await getJson('/api/members/me/export', alice.token);
    // A guest has no wallet yet: the stamp's token waits for one.
    expect(record.outbox).toMatchObject([
      { kind: 'stamp', itemId: 'first-visit', status: 'held', recipient: null, source: 'first-visit' },
      { kind: 'prize', itemId: 'lounge-day-pass', status: 'held', recipient: null, source: 'first-visit' },
    ]);
    expect(me.prizes).toEqual([
      expect.objectContaining({ prizeId: 'lounge-day-pass', source: 'first-visit', state: 'held', to: null }),
    ]);
    expect(record.events.map((event: { kind: string }) => event.kind)).toContain('interacted');
  });

  it('changes nothing when an event id is replayed, or the same day is visited again', async () => {
    const before = await getJson('/api/members/me/export', alice.token);
    const interacted = before.events.find((event: { kind: string }) => event.kind === 'interacted');
    const replay = await recordQuestEvent(layover.ctx.ledger.db, {
      memberId: before.member.id,
      event: interacted.payload,
      at: new Date(),
      content: questContent,
    });
    expect(replay).toEqual({ recorded: false, effects: [], prizes: [] });

    await alice.room.leave();
    const again = await join('Alice', alice.token);
    await waitFor(() => again.snapshots[0], 5000, 'snapshot on rejoin');
    expect(again.stamps).toEqual([]);
    // Rejoining may count a zone the spawn point stands in; nothing earned or progressed changes.
    const after = await getJson('/api/members/me/export', alice.token);
    const kept = ({ progress, stamps, points, outbox }: typeof before) => ({
      progress,
      stamps,
      points,
      outbox,
    });
    expect(kept(after)).toEqual(kept(before));
    const days = (record: typeof before) =>
      record.events.filter((event: { kind: string }) => event.kind === 'dayVisited');
    expect(days(after)).toEqual(days(before));
    expect(days(after)).toHaveLength(1);
  });

  it('drops a client that sends a malformed interact', async () => {
    const mallory = await join('Mallory');
    const left = new Promise<number>((resolve) => mallory.room.onLeave((code) => resolve(code)));
    mallory.room.send('interact', { objectId: 'cockpit' });
    expect(await left).not.toBe(4000);
    expect(bob.room.connection.isOpen).toBe(true);
  });
});

describe('the stamp token after the guest connects a wallet', () => {
  it('mints the held stamp to the linked wallet exactly once and tells the member', async () => {
    const guest = await join('Gwen');
    await walkTo(guest, -4, 6);
    await walkTo(guest, -4, -13);
    const bystander = await join('Hugo');
    await walkTo(bystander, -4, 6);
    await walkTo(bystander, -4, -11);
    guest.room.send('emote', { emote: 'wave' });
    await walkTo(guest, -4, 6);
    await walkTo(guest, 0, 11);
    guest.room.send('interact', { objectId: 'departures-board' });
    await waitFor(() => guest.stamps[0], 5000, 'stampEarned');
    const deliveries: DeliveryUpdate[] = [];
    guest.room.onMessage('delivery', (update: DeliveryUpdate) => deliveries.push(update));

    const linked = await postJson(`${layover.url}/auth/test-wallet`, {
      name: 'Gwen',
      linkToken: guest.token,
    });
    expect(linked.status).toBe(200);
    const address = linked.body.address as Address;
    const delivered = await waitFor(
      () => deliveries.find((update) => update.kind === 'stamp' && update.state === 'delivered'),
      20_000,
      'stamp delivered',
    );
    const prize = await waitFor(
      () => deliveries.find((update) => update.kind === 'prize' && update.state === 'delivered'),
      20_000,
      'prize delivered',
    );
    expect(prize).toMatchObject({ itemId: 'lounge-day-pass', to: address.toLowerCase() });
    expect(guest.prizes).toEqual([expect.objectContaining({ prizeId: 'lounge-day-pass', state: 'held' })]);
    expect(delivered).toMatchObject({ kind: 'stamp', itemId: 'first-visit', to: address.toLowerCase() });
    expect(delivered.txHash).toMatch(/^0x[0-9a-f]{64}$/);

    const client = createPublicClient({ transport: http(layover.rpcUrl) });
    const stamps = { address: layover.contracts.Stamps as Address, abi: stampsAbi } as const;
    expect(await client.readContract({ ...stamps, functionName: 'balanceOf', args: [address, 1n] })).toBe(1n);
    expect(
      await client.readContract({ ...stamps, functionName: 'claimed', args: [delivered.claimId as Hex] }),
    ).toBe(true);
    const prizes = { address: layover.contracts.Prizes as Address, abi: prizesAbi } as const;
    expect(await client.readContract({ ...prizes, functionName: 'balanceOf', args: [address, 1n] })).toBe(1n);
    const me = await getJson('/api/members/me', linked.body.token);
    expect(me.prizes[0]).toMatchObject({
      state: 'delivered',
      txHash: prize.txHash,
      to: address.toLowerCase(),
    });
    expect(me.stamps[0]).toMatchObject({
      stampId: 'first-visit',
      chain: 'delivered',
      txHash: delivered.txHash,
    });
  });
});

describe('holding an NFT', () => {
  it("completes Partner Lounge when a wallet holding the partner's pass joins, and mints its stamp", async () => {
    const fan = await postJson(`${layover.url}/auth/test-wallet`, { name: 'Fan' });
    const address = fan.body.address as Address;
    const partner = createWalletClient({
      account: privateKeyToAccount(ANVIL_ACCOUNTS.partner.privateKey),
      chain: foundry,
      transport: http(layover.rpcUrl),
    });
    const client = createPublicClient({ transport: http(layover.rpcUrl) });
    const hash = await partner.writeContract({
      address: layover.contracts.PartnerPass as Address,
      abi: partnerPassAbi,
      functionName: 'mint',
      args: [address],
    });
    await client.waitForTransactionReceipt({ hash });

    const seated = await join('Fan', fan.body.token);
    const stamp = await waitFor(
      () => seated.stamps.find((s) => s.stampId === 'partner-lounge'),
      10_000,
      'stamp',
    );
    expect(stamp.questId).toBe('partner-lounge');
    const stamps = { address: layover.contracts.Stamps as Address, abi: stampsAbi } as const;
    const deadline = Date.now() + 20_000;
    let balance = 0n;
    while (balance === 0n && Date.now() < deadline) {
      balance = await client.readContract({ ...stamps, functionName: 'balanceOf', args: [address, 4n] });
      if (balance === 0n) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(balance).toBe(1n);

    // A wallet without the pass gets nothing for it.
    const checks = layover.ctx.metrics.questHoldingChecks;
    const notHeld = async () =>
      (await checks.get()).values.find(
        (value) => value.labels.contract === 'PartnerPass' && value.labels.held === 'no',
      )?.value ?? 0;
    const before = await notHeld();
    const plain = await postJson(`${layover.url}/auth/test-wallet`, { name: 'Plain' });
    const other = await join('Plain', plain.body.token);
    await waitFor(() => other.snapshots[0], 5000, 'snapshot');
    // The server has read the plain wallet's holdings (and found no pass) before anything is asserted.
    const after = await eventually(async () => {
      const count = await notHeld();
      return count > before ? count : undefined;
    }, 'the holdings read');
    expect(after).toBe(before + 1);
    expect(other.stamps).toEqual([]);
    const me = await getJson('/api/members/me', plain.body.token);
    expect(me.quests.find((quest: { id: string }) => quest.id === 'partner-lounge').steps[0].progress).toBe(
      0,
    );
  });
});

describe('erasure', () => {
  const erase = (token: string, body: unknown) =>
    fetch(`${layover.url}/api/members/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('erases a guest on confirmation: personal data gone, held rewards cancelled, sessions ended', async () => {
    const record = await getJson('/api/members/me/export', alice.token);
    expect(record.outbox.filter((row: { status: string }) => row.status === 'held')).toHaveLength(2);
    const refused = await erase(alice.token, { confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe('confirmErase');
    const erased = await erase(alice.token, { confirm: 'erase my data' });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ erased: true, inFlight: 0, cancelled: 2 });
    const after = await fetch(`${layover.url}/api/members/me`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(after.status).toBe(401);
    const { db } = layover.ctx.ledger;
    expect(await db.select().from(members).where(eq(members.id, record.member.id))).toEqual([]);
    expect(await db.select().from(events).where(eq(events.memberId, record.member.id))).toEqual([]);
    // The cancelled rewards stay (claims add up) under an anonymous tombstone with a new id.
    const ids = record.outbox.map((row: { id: number }) => row.id);
    const rows = await db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.map((row) => [row.status, row.recipient, row.memberId === record.member.id])).toEqual([
      ['failed', null, false],
      ['failed', null, false],
    ]);
    const [tombstone] = await db
      .select()
      .from(members)
      .where(eq(members.id, rows[0]?.memberId ?? ''));
    expect(tombstone).toMatchObject({ displayName: 'Erased member', address: null, locale: null });
  });
});
