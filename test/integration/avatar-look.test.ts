import { randomUUID } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, findMember } from '../../server/db/members.ts';
import { members, outbox } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { mergeMember } from '../../server/members/merge.ts';
import { queueAward } from '../../server/prizes/award.ts';
import { type AvatarLook, decodeLook, encodeLook } from '../../shared/avatar-look.ts';
import { questContent } from '../../shared/content/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

let layover: RunningLayover;
const rooms: Room<unknown, LoungeState>[] = [];

const LOOK: AvatarLook = {
  build: 'broad',
  skin: 4,
  outfit: 'dress',
  outfitColour: 6,
  accentColour: 2,
  hair: 'bun',
  hairColour: 5,
  wear: null,
};

interface Guest {
  id: string;
  token: string;
}

async function guest(name: string): Promise<Guest> {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name });
  expect(status).toBe(200);
  return { id: body.member.id, token: body.token };
}

async function api(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const getLook = (who: Guest) => api('GET', '/api/members/me/look', who.token);
const putLook = (who: Guest, look: unknown) => api('PUT', '/api/members/me/look', who.token, look);

async function joinLounge(who: Guest): Promise<Room<unknown, LoungeState>> {
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: who.token });
  rooms.push(room);
  await waitFor(() => room.state?.members?.get(room.sessionId), 5000, 'own avatar in state');
  return room;
}

/** A prize held for a guest (no wallet), as a won journey leaves it. */
async function holdPrize(memberId: string, prizeId: string): Promise<void> {
  await queueAward(layover.ctx.ledger.db, {
    kind: 'prize',
    memberId,
    itemId: prizeId,
    eventId: `test:${randomUUID()}`,
    source: 'avatar-test',
    at: new Date(),
  });
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

describe('avatar look: stored on the member, checked, shown live', () => {
  it('answers null (the default look) before any choice, then stores a valid look', async () => {
    const mei = await guest('Mei');
    const before = await getLook(mei);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ look: null, encoded: '', wearables: [] });

    const put = await putLook(mei, LOOK);
    expect(put.status).toBe(200);
    expect(put.body.look).toEqual(LOOK);
    expect((await getLook(mei)).body).toMatchObject({ look: LOOK, encoded: encodeLook(LOOK) });
  });

  it('refuses a malformed look with 400 and its fields, storing nothing', async () => {
    const linh = await guest('Linh');
    const bad = await putLook(linh, { ...LOOK, outfit: 'spacesuit', skin: 99, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalidLook');
    const fields = (bad.body.issues as { path: string }[]).map((issue) => issue.path);
    expect(fields).toEqual(expect.arrayContaining(['outfit', 'skin']));
    expect((await getLook(linh)).body.look).toBeNull();
    const [row] = await layover.ctx.ledger.db.select().from(members).where(eq(members.id, linh.id));
    expect(row?.look).toBeNull();
  });

  it('lets a member wear only a wearable prize they hold', async () => {
    const alex = await guest('Alex');
    const notHeld = await putLook(alex, { ...LOOK, wear: 'lounge-day-pass' });
    expect(notHeld.status).toBe(409);
    expect(notHeld.body.error).toBe('wearableNotHeld');
    await holdPrize(alex.id, 'upgrade-voucher');
    const notWearable = await putLook(alex, { ...LOOK, wear: 'upgrade-voucher' });
    expect(notWearable.status).toBe(400);
    expect(notWearable.body.error).toBe('notWearable');
    expect((await getLook(alex)).body.look).toBeNull();

    await holdPrize(alex.id, 'lounge-day-pass');
    const listed = await getLook(alex);
    expect(listed.body.wearables).toEqual([
      expect.objectContaining({ prizeId: 'lounge-day-pass', wearable: { kind: 'cap', colour: '#1f3a5f' } }),
    ]);
    const worn = await putLook(alex, { ...LOOK, wear: 'lounge-day-pass' });
    expect(worn.status).toBe(200);
    expect((await getLook(alex)).body.look.wear).toBe('lounge-day-pass');
  });

  it('shows a new look to another client in the lounge without a rejoin, and re-checks the wearable at join', async () => {
    const ana = await guest('Ana');
    const bo = await guest('Bo');
    await holdPrize(ana.id, 'lounge-day-pass');
    const worn = { ...LOOK, wear: 'lounge-day-pass' };
    expect((await putLook(ana, worn)).status).toBe(200);
    const anaRoom = await joinLounge(ana);
    const boRoom = await joinLounge(bo);
    const seen = () => boRoom.state.members.get(anaRoom.sessionId);
    // At join: the stored look, with the wearable Ana holds.
    await waitFor(() => seen()?.look === encodeLook(worn), 5000, 'Ana seen in her stored look');

    const changed: AvatarLook = { ...worn, outfit: 'hoodie', hair: 'curly', outfitColour: 1 };
    expect((await putLook(ana, changed)).status).toBe(200);
    await waitFor(() => seen()?.look === encodeLook(changed), 5000, 'Ana seen in her new look');
    expect(decodeLook(seen()?.look ?? '', ana.id)).toEqual(changed);
    expect(anaRoom.state.members.get(anaRoom.sessionId)?.look).toBe(encodeLook(changed));

    // The pass leaves Ana (its hold ends): the next join shows her without it, the rest of the look kept.
    await layover.ctx.ledger.db
      .update(outbox)
      .set({ status: 'failed', lastError: 'test: hold ended' })
      .where(and(eq(outbox.memberId, ana.id), eq(outbox.itemId, 'lounge-day-pass')));
    await anaRoom.leave();
    const again = await joinLounge(ana);
    await waitFor(
      () => boRoom.state.members.get(again.sessionId)?.look === encodeLook({ ...changed, wear: null }),
      5000,
      'Ana seen without the pass she no longer holds',
    );
  });

  it('exports the look, and erasure removes it', async () => {
    const kim = await guest('Kim');
    await putLook(kim, LOOK);
    const exported = await api('GET', '/api/members/me/export', kim.token);
    expect(exported.status).toBe(200);
    expect(exported.body.member.look).toEqual(LOOK);

    const erased = await api('DELETE', '/api/members/me', kim.token, { confirm: 'erase my data' });
    expect(erased.status).toBe(200);
    expect(await findMember(layover.ctx.ledger.db, kim.id)).toBeUndefined();
    const looks = await layover.ctx.ledger.db.select({ look: members.look }).from(members);
    expect(looks.map((row) => JSON.stringify(row.look))).not.toContain(JSON.stringify(LOOK));
  });

  it('refuses a signed-out session (401), storing nothing', async () => {
    const sam = await guest('Sam');
    expect((await api('POST', '/auth/logout', sam.token)).status).toBe(204);
    const put = await putLook(sam, LOOK);
    expect(put.status).toBe(401);
    expect((await getLook(sam)).status).toBe(401);
    const [row] = await layover.ctx.ledger.db.select().from(members).where(eq(members.id, sam.id));
    expect(row?.look).toBeNull();
  });

  it('a guest merged into a member brings their look when the member has none, and never overrides one', async () => {
    const { db } = layover.ctx.ledger;
    const visitor = await guest('Visitor');
    await putLook(visitor, LOOK);
    const account = await createMember(db, { displayName: 'Kept' });
    await mergeMember(db, visitor.id, account.id, { content: questContent });
    expect((await findMember(db, account.id))?.look).toEqual(LOOK);
    expect((await findMember(db, visitor.id))?.look).toBeNull();

    const second = await guest('Second visitor');
    await putLook(second, { ...LOOK, hair: 'none' });
    await mergeMember(db, second.id, account.id, { content: questContent });
    expect((await findMember(db, account.id))?.look).toEqual(LOOK);
  });
});
