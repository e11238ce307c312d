import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantStaffRole } from '../../server/live-events/staff.ts';
import type { RunningLayover } from '../../server/main.ts';
import type { LiveEventInput } from '../../shared/content/live-events.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { type EventBot, joinEvent, walletSession } from '../support/event-bots.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

/**
 * Room rate limits follow the member, not the connection: leaving and rejoining (a new connection, maybe a new room
 * instance) does not refill chat, question or report limits. The server's clock is held still, so no bucket refills
 * while the test runs, however slow the machine.
 */
let layover: RunningLayover;
let eventId: string;
const HELD_AT = Date.now();

async function member(name: string) {
  return { name, ...(await walletSession(layover.ctx.ledger.db, name)) };
}

beforeAll(async () => {
  layover = await startTestLayover();
  // Every room reads `ctx.clock` at each action: holding it still stops every refill.
  Object.assign(layover.ctx, { clock: { now: () => HELD_AT } });
  const organiser = await member('Organiser Ola');
  await grantStaffRole(layover.ctx.ledger.db, organiser.address, 'host');
  const spec: LiveEventInput = {
    title: 'Limits Live',
    description: 'A show for patient members.',
    startsAt: new Date(HELD_AT - 60_000).toISOString(),
    durationMinutes: 60,
    hall: 'main-stage',
    access: { kind: 'anyone' },
    attendanceStampId: 'live-event',
    attendMinutes: 30,
    drops: [],
  };
  const created = await fetch(`${layover.url}/api/console/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${organiser.token}` },
    body: JSON.stringify(spec),
  });
  expect(created.status).toBe(201);
  eventId = (await created.json()).id;
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

/** Sends `times` messages one at a time, each answered by a notice before the next goes. */
async function sendEach(bot: EventBot, times: number, type: string, body: () => unknown): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = bot.notices.length;
    bot.room.send(type, body());
    await waitFor(() => bot.notices.length > before, 5000, `notice ${i + 1} for ${type}`);
  }
}

describe('hall limits survive a rejoin', () => {
  it('reports: three made-up targets, leave, rejoin, the fourth is refused', async () => {
    const who = await member('Reporter Rex');
    const first = await joinEvent(layover.url, eventId, who);
    const report = () => ({ memberId: crypto.randomUUID(), reason: 'spam' });
    await sendEach(first, 3, 'report', report);
    expect(first.notices).toEqual(['reported', 'reported', 'reported']);
    await first.room.leave();
    const again = await joinEvent(layover.url, eventId, who);
    await sendEach(again, 1, 'report', report);
    expect(again.notices).toEqual(['rateLimited']);
    await again.room.leave();
  });

  it('questions: two asked, leave, rejoin, the third is refused', async () => {
    const who = await member('Asker Ada');
    const first = await joinEvent(layover.url, eventId, who);
    first.room.send('ask', { text: 'One?' });
    first.room.send('ask', { text: 'Two?' });
    await waitFor(() => first.room.state.questions.length >= 2, 5000, 'two questions');
    await first.room.leave();
    const again = await joinEvent(layover.url, eventId, who);
    await sendEach(again, 1, 'ask', () => ({ text: 'Three?' }));
    expect(again.notices).toEqual(['rateLimited']);
    expect([...again.room.state.questions].map((q) => q.text)).not.toContain('Three?');
    await again.room.leave();
  });
});

describe('lounge chat survives a rejoin', () => {
  async function seat(token: string) {
    const room: Room<unknown, LoungeState> = await new Client(layover.url).joinOrCreate<LoungeState>(
      'lounge',
      {
        token,
      },
    );
    const lines: string[] = [];
    const notices: string[] = [];
    room.onMessage('chat', (line: { text: string }) => lines.push(line.text));
    room.onMessage('notice', (notice: { code: string }) => notices.push(notice.code));
    for (const type of ['quests', 'stampEarned', 'prizeWon']) room.onMessage(type, () => {});
    return { room, lines, notices };
  }

  it('five lines, leave, rejoin, the sixth is refused with chatRateLimited', async () => {
    const who = await member('Chatty Cho');
    const first = await seat(who.token);
    for (let i = 1; i <= 5; i++) first.room.send('chat', { text: `line ${i}` });
    await waitFor(() => first.lines.length === 5, 5000, 'five lines');
    await first.room.leave();
    const again = await seat(who.token);
    again.room.send('chat', { text: 'line 6' });
    await waitFor(() => again.notices.includes('chatRateLimited'), 5000, 'chatRateLimited');
    expect(again.lines).not.toContain('line 6');
    await again.room.leave();
  });
});
