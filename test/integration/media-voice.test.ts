import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLayover } from '../../server/main.ts';
import type { EarshotSpeaker, VoiceServerMessages } from '../../shared/protocol/voice.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';
import { AT_WINDOW } from '../support/lounge-page.ts';
import { distanceTo } from '../support/pose.ts';

/** A lounge client with everything the voice told it so far. */
interface VoiceBot {
  room: Room<unknown, LoungeState>;
  memberId: string;
  earshot: EarshotSpeaker[] | undefined;
  self: string | undefined;
  notices: string[];
  left: number | undefined;
}

let layover: RunningLayover;
const bots: VoiceBot[] = [];

async function join(name: string, host = false): Promise<VoiceBot> {
  const route = host ? '/auth/test-wallet' : '/auth/guest';
  const { body } = await postJson(`${layover.url}${route}`, host ? { name, host: true } : { name });
  const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: body.token });
  const bot: VoiceBot = {
    room,
    memberId: '',
    earshot: undefined,
    self: undefined,
    notices: [],
    left: undefined,
  };
  room.onMessage('*', () => {});
  room.onMessage('voiceEarshot', (m: VoiceServerMessages['voiceEarshot']) => (bot.earshot = m.speakers));
  room.onMessage('voiceSelf', (m: VoiceServerMessages['voiceSelf']) => (bot.self = m.state));
  room.onMessage('voiceNotice', (m: VoiceServerMessages['voiceNotice']) => bot.notices.push(m.code));
  room.onLeave((code) => (bot.left = code));
  bot.memberId = (await waitFor(() => room.state?.members?.get(room.sessionId), 5000, `${name} in state`)).id;
  bots.push(bot);
  return bot;
}

const hears = (listener: VoiceBot, speaker: VoiceBot) =>
  listener.earshot?.some((entry) => entry.memberId === speaker.memberId) ?? false;

beforeAll(async () => {
  layover = await startTestLayover();
}, 180_000);

afterAll(async () => {
  await Promise.all(bots.filter((b) => b.room.connection.isOpen).map((b) => b.room.leave().catch(() => {})));
  await layover?.stop();
});

describe('lounge voice messages on a real server', () => {
  let alice: VoiceBot;
  let bob: VoiceBot;
  let staff: VoiceBot;

  it('sends each voice member the speakers within earshot, never themselves', async () => {
    alice = await join('Alice');
    bob = await join('Bob');
    staff = await join('Mei Lin', true);
    for (const bot of [alice, bob, staff]) bot.room.send('voiceJoin', {});
    await waitFor(() => hears(bob, alice) && hears(alice, bob), 5000, 'Alice and Bob hear each other');
    expect(bob.self).toBe('speaking');
    expect(alice.earshot?.some((entry) => entry.memberId === alice.memberId)).toBe(false);
  });

  it('drops a member who walks 20 m away from earshot both ways (not subscribed), and keeps the near ones', async () => {
    const carol = await join('Carol');
    carol.room.send('voiceJoin', {});
    await waitFor(() => hears(carol, bob) && hears(bob, carol), 5000, 'Carol near Bob');
    carol.room.send('moveTo', AT_WINDOW);
    const arrived = () => {
      const me = carol.room.state.members.get(carol.room.sessionId);
      return me !== undefined && distanceTo(me, AT_WINDOW.x, AT_WINDOW.z) < 1;
    };
    await waitFor(arrived, 20_000, 'Carol at the window');
    await waitFor(() => !hears(carol, bob) && !hears(bob, carol), 5000, 'Carol out of earshot');
    expect(carol.earshot).toEqual([]);
    expect(hears(bob, alice)).toBe(true);
    carol.room.send('voiceLeave', {});
  });

  it('refuses moderation from a guest: the target stays heard', async () => {
    bob.room.send('voiceModerate', { memberId: alice.memberId, action: 'mute' });
    await waitFor(() => bob.notices.includes('notStaff'), 5000, 'notStaff notice');
    expect(alice.self).toBe('speaking');
    expect(hears(bob, alice)).toBe(true);
  });

  it('lets brand staff mute a speaker: no one has them in earshot any more, and unmute brings them back', async () => {
    staff.room.send('voiceModerate', { memberId: alice.memberId, action: 'mute' });
    await waitFor(() => alice.self === 'muted' && !hears(bob, alice), 5000, 'Alice muted for Bob');
    expect(alice.notices).toContain('mutedByStaff');
    expect(staff.notices).toContain('moderated');
    staff.room.send('voiceModerate', { memberId: alice.memberId, action: 'unmute' });
    await waitFor(() => alice.self === 'speaking' && hears(bob, alice), 5000, 'Alice heard again');
  });

  it('removes a speaker from voice: they cannot join again in this instance', async () => {
    staff.room.send('voiceModerate', { memberId: alice.memberId, action: 'remove' });
    await waitFor(() => alice.self === 'removed' && !hears(bob, alice), 5000, 'Alice removed');
    expect(alice.earshot).toEqual([]);
    alice.notices.length = 0;
    alice.room.send('voiceJoin', {});
    await waitFor(() => alice.notices.includes('removedFromVoice'), 5000, 'rejoin refused');
    expect(hears(bob, alice)).toBe(false);
  });

  it('records a report from a voice member and limits how often', async () => {
    for (let i = 0; i < 4; i++) bob.room.send('voiceReport', { memberId: alice.memberId, reason: 'abuse' });
    await waitFor(() => bob.notices.includes('reportRateLimited'), 5000, 'report rate limit');
    expect(bob.notices.filter((code) => code === 'reported')).toHaveLength(3);
  });

  it('drops a client sending a bad payload; the others stay', async () => {
    const mallory = await join('Mallory');
    mallory.room.send('voiceModerate', { memberId: 42, action: 'mute' });
    await waitFor(() => mallory.left !== undefined, 5000, 'Mallory dropped');
    const eve = await join('Eve');
    eve.room.send('voiceReport', { memberId: bob.memberId, reason: 'because' });
    await waitFor(() => eve.left !== undefined, 5000, 'Eve dropped');
    expect(bob.room.connection.isOpen).toBe(true);
  });
});
