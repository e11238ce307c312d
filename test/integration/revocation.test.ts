import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeSession } from '../../server/auth/sessions.ts';
import { grantStaffRole, revokeStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import { announceRoleChanged } from '../../server/members/member-channel.ts';
import type { LiveEventInput } from '../../shared/content/live-events.ts';
import { LeaveCode } from '../../shared/protocol/join.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { EventState } from '../../shared/state/EventState.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { joinEvent, walletSession } from '../support/event-bots.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

/**
 * Live revocation on a real server: a member whose session ends (signed out, erased) or whose host role goes is
 * walked out of every kind of room at once, with a close code the client translates, instead of keeping the
 * connection admitted before.
 */
let layover: RunningLayover;
let eventId: string;

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A wallet member with the host role, straight in the ledger. */
async function hostSession(name: string) {
  const who = await member(name);
  await grantStaffRole(layover.ctx.ledger.db, who.address, 'host');
  return who;
}

/** A wallet member with a live session, straight in the ledger. */
async function member(name: string) {
  return { name, ...(await walletSession(layover.ctx.ledger.db, name)) };
}

/** The close code a room connection ends with. */
function leaveOf<S>(room: Room<unknown, S>): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

async function seatIn<S>(
  name: string,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<Room<unknown, S>> {
  const room = await new Client(layover.url).joinOrCreate<S>(name, { token, ...extra });
  for (const type of ['chat', 'quests', 'stampEarned', 'prizeWon', 'notice', 'eventNotice', 'reaction'])
    room.onMessage(type, () => {});
  return room;
}

const spec = (): LiveEventInput => ({
  title: 'Revocation Live',
  description: 'A show whose hosts come and go.',
  startsAt: new Date(Date.now() - 1000).toISOString(),
  durationMinutes: 60,
  hall: 'main-stage',
  access: { kind: 'anyone' },
  attendanceStampId: 'live-event',
  attendMinutes: 30,
  drops: [],
});

beforeAll(async () => {
  layover = await startTestLayover();
  const organiser = await hostSession('Organiser Ode');
  const created = await api('POST', '/api/console/events', organiser.token, spec());
  expect(created.status).toBe(201);
  eventId = created.body.id;
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

describe('a signed-out member is walked out of every room kind', () => {
  it('a game room walks out a player whose session was signed out', async () => {
    const player = await member('Pilot Pia');
    const room = await seatIn('plane', player.token);
    const left = leaveOf(room);
    expect((await api('POST', routes.logout.path, player.token)).status).toBe(204);
    expect(await left).toBe(LeaveCode.sessionEnded);
  });

  it('every game kind (trivia, bags) walks out a player signed out everywhere', async () => {
    for (const game of ['trivia', 'bags']) {
      const player = await member(`Player ${game}`);
      const room = await seatIn(game, player.token);
      const left = leaveOf(room);
      expect((await api('POST', routes.logout.path, player.token)).status).toBe(204);
      expect(await left, game).toBe(LeaveCode.sessionEnded);
    }
  });

  it('a host whose session was revoked is walked out of the hall and the stage keeps its announcement', async () => {
    const host = await joinEvent(layover.url, eventId, await hostSession('Host Hana'));
    const viewer = await joinEvent(layover.url, eventId, await member('Viewer'));
    host.room.send('announce', { text: 'Welcome aboard' });
    await waitFor(() => viewer.room.state.stage.announcement === 'Welcome aboard', 5000, 'the announcement');
    const left = leaveOf(host.room);
    expect((await api('POST', routes.logout.path, host.token)).status).toBe(204);
    expect(await left).toBe(LeaveCode.sessionEnded);
    await waitFor(() => !viewer.room.state.hosts.has(host.memberId), 5000, 'the host gone from the hall');
    await viewer.room.leave();
  });
});

describe('an erased member is walked out of the lounge and the hall', () => {
  it('both connections close with sessionEnded as the erasure answers', async () => {
    const erin = await member('Erin Erased');
    const lounge = await seatIn<LoungeState>('lounge', erin.token);
    const hall = await seatIn<EventState>('event', erin.token, { eventId });
    const leftLounge = leaveOf(lounge);
    const leftHall = leaveOf(hall);
    const erased = await api('DELETE', routes.eraseMe.path, erin.token, { confirm: 'erase my data' });
    expect(erased.status).toBe(200);
    expect(await leftLounge).toBe(LeaveCode.sessionEnded);
    expect(await leftHall).toBe(LeaveCode.sessionEnded);
  });
});

describe('a host who loses the role', () => {
  it('is walked out of the hall with roleChanged, and back in as a member their host messages are refused', async () => {
    const who = await hostSession('Host Hugo');
    const host = await joinEvent(layover.url, eventId, who);
    const viewer = await joinEvent(layover.url, eventId, await member('Viewer 2'));
    await waitFor(() => viewer.room.state.hosts.has(who.memberId), 5000, 'the host in the hall');
    const left = leaveOf(host.room);
    await revokeStaffRole(layover.ctx, who.address);
    expect(await left).toBe(LeaveCode.roleChanged);
    await waitFor(() => !viewer.room.state.hosts.has(who.memberId), 5000, 'the host gone from the hall');
    const again = await joinEvent(layover.url, eventId, who);
    again.room.send('announce', { text: 'Still the boss' });
    await waitFor(() => again.notices.includes('notHost'), 5000, 'notHost');
    expect(viewer.room.state.stage.announcement).not.toBe('Still the boss');
    await again.room.leave();
    await viewer.room.leave();
  });

  it('a host who still holds the role after a role change stays seated as host', async () => {
    const who = await hostSession('Host Ivo');
    const host = await joinEvent(layover.url, eventId, who);
    announceRoleChanged(layover.ctx, who.memberId);
    host.room.send('announce', { text: 'Ivo still hosts' });
    await waitFor(() => host.room.state.stage.announcement === 'Ivo still hosts', 5000, 'the announcement');
    expect(host.leftWith).toBeUndefined();
    await host.room.leave();
  });
});

describe('a connection whose session ended while its network was down', () => {
  /** Cuts the socket as a lost network would; the SDK reconnects into the held seat at once. */
  function dropNetwork(room: Room<unknown, unknown>): void {
    (room as unknown as { reconnection: { minUptime: number } }).reconnection.minUptime = 0;
    (
      room.connection as unknown as { transport: { ws: { _socket: { destroy: () => void } } } }
    ).transport.ws._socket.destroy();
  }

  for (const roomName of ['lounge', 'plane']) {
    it(`is walked out of the ${roomName} as it reconnects (no signal reached it while dropped)`, async () => {
      const who = await member(`Roamer ${roomName}`);
      const room = await seatIn<unknown>(roomName, who.token);
      const left = leaveOf(room);
      // Ended in the ledger without a signal: only the re-check at reconnection can find out.
      await revokeSession(layover.ctx.ledger.db, who.token);
      dropNetwork(room);
      expect(await left).toBe(LeaveCode.sessionEnded);
    });
  }
});
