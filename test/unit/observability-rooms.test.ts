import type { Client } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { admitMember } from '../../server/auth/admission.ts';
import { roomContext } from '../../server/observability/room-context.ts';
import { ChatEmotes, type ChatRoom } from '../../server/rooms/parts/chat-emotes.ts';
import type { Member } from '../../shared/state/LoungeState.ts';
import { addMember, fakeContext } from './server-fake-context.ts';

const token = (name: string) => `${name}-token-000000000000000000000000`;

describe('joins refused at admission', () => {
  it('are counted by room name and refusal code; admitted ones are not counted here', async () => {
    const { ctx, world } = fakeContext();
    addMember(world, token('guest'), { id: 'm-guest', name: 'Guest' });
    const vip = roomContext(ctx, 'vip');
    await expect(admitMember(vip, { token: 'short' }, { kind: 'gated', gate: 'vip' })).rejects.toThrow(
      'unauthorized',
    );
    await expect(admitMember(vip, { token: token('guest') }, { kind: 'gated', gate: 'vip' })).rejects.toThrow(
      'gateDenied',
    );
    await expect(admitMember(vip, { token: token('nobody') }, { kind: 'gated' })).rejects.toThrow(
      'sessionExpired',
    );
    await admitMember(roomContext(ctx, 'lounge'), { token: token('guest') }, { kind: 'lounge' });
    const text = await ctx.metrics.render();
    expect(text).toMatch(/^layover_joins_total\{room="vip",outcome="unauthorized"\} 1$/m);
    expect(text).toMatch(/^layover_joins_total\{room="vip",outcome="gateDenied"\} 1$/m);
    expect(text).toMatch(/^layover_joins_total\{room="vip",outcome="sessionExpired"\} 1$/m);
    expect(text).not.toMatch(/room="lounge"/);
  });
});

describe('chat messages a room ignores', () => {
  it('are reported as drops by reason: over the chat rate, over the emote rate, muted', () => {
    const member = { id: 'm-1', name: 'Ada', emote: '', emoteSeq: 0 } as unknown as Member;
    const drops: string[] = [];
    let muted = false;
    const room: ChatRoom = {
      members: new Map([['s-1', member]]) as unknown as ChatRoom['members'],
      roomId: () => 'room-1',
      broadcastChat: () => {},
      maySpeak: () => !muted,
      dropped: (reason) => drops.push(reason),
    };
    const chat = new ChatEmotes(room);
    const client = { sessionId: 's-1', send: () => {} } as unknown as Client;
    const sent = Array.from({ length: 7 }, () => chat.chat(client, 'hello', 1_000));
    expect(sent.filter(Boolean)).toHaveLength(5);
    const emoted = Array.from({ length: 4 }, () => chat.emote(client, 'wave', 1_000));
    expect(emoted.filter(Boolean)).toHaveLength(3);
    muted = true;
    expect(chat.chat(client, 'hello', 60_000)).toBeUndefined();
    expect(drops).toEqual(['chatRateLimited', 'chatRateLimited', 'emoteRateLimited', 'muted']);
  });
});
