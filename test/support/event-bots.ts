import { Client, type Room } from '@colyseus/sdk';
import type { Page } from 'playwright-core';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { issueSession } from '../../server/auth/sessions.ts';
import { createMember } from '../../server/db/members.ts';
import type { Db } from '../../server/db/open.ts';
import type { LiveEventInput } from '../../shared/content/live-events.ts';
import type { DropOutcome, EventNoticeCode } from '../../shared/protocol/live-events.ts';
import type { EventState } from '../../shared/state/EventState.ts';
import { waitFor } from './layover.ts';

/** A live event that started a second ago in the main stage, open to anyone, with no drops: what most tests schedule. */
export function eventStartedNow(title: string, description: string): LiveEventInput {
  return {
    title,
    description,
    startsAt: new Date(Date.now() - 1000).toISOString(),
    durationMinutes: 30,
    hall: 'main-stage',
    access: { kind: 'anyone' },
    attendanceStampId: 'live-event',
    attendMinutes: 5,
    drops: [],
  };
}

/**
 * Signs the page in as a host (the dev chain's test wallet with the host role; it leaves its refresh cookie, so a
 * reload enters as the host) and schedules `spec` through the console API; answers the event's id.
 */
export async function scheduleAsPageHost(page: Page, spec: LiveEventInput): Promise<string> {
  return page.evaluate(async (event) => {
    const json = { 'content-type': 'application/json' };
    const signedIn = await fetch('/auth/test-wallet', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Mei Lin', host: true }),
    });
    const { token } = (await signedIn.json()) as { token: string };
    const created = await fetch('/api/console/events', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify(event),
    });
    return ((await created.json()) as { id: string }).id;
  }, spec);
}

/** An audience member driven by the test: a wallet member with a live session, seated through the real socket. */
export interface EventBot {
  name: string;
  memberId: string;
  address: `0x${string}`;
  token: string;
  room: Room<unknown, EventState>;
  notices: EventNoticeCode[];
  results: { dropId: string; outcome: DropOutcome }[];
  leftWith: number | undefined;
}

/** A wallet member and session straight in the ledger (the sign-in routes rate-limit 50 sign-ins from one address). */
export async function walletSession(
  db: Db,
  name: string,
): Promise<{ memberId: string; address: `0x${string}`; token: string }> {
  const address = privateKeyToAccount(generatePrivateKey()).address;
  const member = await createMember(db, { displayName: name, address });
  const { token } = await issueSession(db, member.id, 'wallet', 3_600_000);
  return { memberId: member.id, address, token };
}

/** Joins an event hall as `token`'s member and records what the server tells it. */
export async function joinEvent(
  url: string,
  eventId: string,
  who: { name: string; memberId: string; address: `0x${string}`; token: string },
): Promise<EventBot> {
  const room = await new Client(url).joinOrCreate<EventState>('event', { token: who.token, eventId });
  const bot: EventBot = { ...who, room, notices: [], results: [], leftWith: undefined };
  room.onMessage('eventNotice', (notice: { code: EventNoticeCode }) => bot.notices.push(notice.code));
  room.onMessage('dropResult', (result: { dropId: string; outcome: DropOutcome }) =>
    bot.results.push(result),
  );
  for (const type of ['chat', 'quests', 'stampEarned', 'prizeWon', 'reaction', 'delivery', 'notice'])
    room.onMessage(type, () => {});
  room.onLeave((code) => {
    bot.leftWith = code;
  });
  await waitFor(() => room.state?.stage?.eventId === eventId, 5000, `${who.name} sees the stage`);
  return bot;
}

/** The close code a failed join reports, or undefined when it joined. */
export async function joinRefusal(url: string, eventId: string, token: string): Promise<number | undefined> {
  try {
    const room = await new Client(url).joinOrCreate('event', { token, eventId });
    await room.leave();
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}
