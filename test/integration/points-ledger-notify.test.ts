import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import { memberAccount, postMovement } from '../../server/points/ledger.ts';
import { notifyPointsChanged } from '../../server/points/notify.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// A movement made outside the member's room (a partner, a purchase, the console) reaches their passport live.
let layover: RunningLayover;
let room: Room<unknown, LoungeState> | undefined;

beforeAll(async () => {
  layover = await startTestLayover();
}, 120_000);

afterAll(async () => {
  await room?.leave().catch(() => undefined);
  await layover?.stop();
});

describe('notifyPointsChanged', () => {
  it("sends the member a quests snapshot whose points are their ledger balance, in the member's room", async () => {
    const guest = (await postJson(`${layover.url}/auth/guest`, { name: 'Pointy' })).body as {
      token: string;
      member: { id: string };
    };
    room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: guest.token });
    const snapshots: QuestsSnapshot[] = [];
    room.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    await waitFor(() => snapshots.length > 0, 5000, 'the first snapshot');
    expect(snapshots.at(-1)?.points).toBe(0);

    await layover.ctx.ledger.db.transaction((tx) =>
      postMovement(tx, {
        key: `partner:notify-${guest.member.id}`,
        kind: 'partner',
        reason: { code: 'partner', params: { partner: 'skyway-air', description: 'SKY 7' } },
        at: new Date(),
        partnerId: 'skyway-air',
        entries: [
          { account: memberAccount(guest.member.id), amount: 700 },
          { account: { kind: 'partner', id: 'skyway-air' }, amount: -700 },
        ],
      }),
    );
    const seen = snapshots.length;
    await notifyPointsChanged(layover.ctx, guest.member.id);
    await waitFor(() => snapshots.length > seen, 5000, 'a fresh snapshot');
    expect(snapshots.at(-1)?.points).toBe(700);
    // Seated nowhere, the member's channel has no subscriber: notify reads nothing for them then.
    const channel = `member:${guest.member.id}`;
    expect(await layover.ctx.presence.channels(channel)).toEqual([channel]);
    await room.leave();
    room = undefined;
    let open = [channel];
    for (let tries = 0; tries < 250 && open.length > 0; tries += 1) {
      open = await layover.ctx.presence.channels(channel);
      if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(open).toEqual([]);
  });
});
