import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LoungeRoom, setCurrentRoom } from '../../client/core/net/roomRef.ts';
import { resetSendState, sendChat, sendEmote, sendMove, sendMoveTo } from '../../client/core/net/send.ts';
import { LOUNGE_BOUNDS } from '../../shared/content/lounge-layout.ts';
import { CHAT_MAX_LENGTH, LoungeClientMessages } from '../../shared/protocol/lounge-messages.ts';

type Sent = { type: keyof typeof LoungeClientMessages; payload: unknown };
let sent: Sent[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.advanceTimersByTime(10_000);
  sent = [];
  const room = { send: (type: Sent['type'], payload: unknown) => sent.push({ type, payload }) };
  setCurrentRoom(room as unknown as LoungeRoom);
  resetSendState();
});

afterEach(() => {
  setCurrentRoom(null);
  vi.useRealTimers();
});

/** Everything the client sends must pass the server's schema, or the server drops the client. */
function expectAllValid() {
  for (const { type, payload } of sent)
    expect(LoungeClientMessages[type].safeParse(payload).success).toBe(true);
}

describe('client sends', () => {
  it('clamps move intents into the unit square and normalises long diagonals', () => {
    sendMove(5, Number.NaN);
    vi.advanceTimersByTime(100);
    sendMove(1, 1);
    expect(sent.map((m) => m.payload)).toEqual([
      { x: 1, z: 0 },
      { x: 0.71, z: 0.71 },
    ]);
    expectAllValid();
  });

  it('sends only changes, throttled, and always delivers the final stop', () => {
    sendMove(0, -1);
    sendMove(0, -1);
    sendMove(0.5, -0.5);
    sendMove(0, 0);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(sent.map((m) => m.payload)).toEqual([
      { x: 0, z: -1 },
      { x: 0, z: 0 },
    ]);
  });

  it('clamps floor targets inside the lounge', () => {
    sendMoveTo(LOUNGE_BOUNDS.maxX + 10, LOUNGE_BOUNDS.minZ - 3);
    expect(sent[0]).toEqual({ type: 'moveTo', payload: { x: LOUNGE_BOUNDS.maxX, z: LOUNGE_BOUNDS.minZ } });
    expectAllValid();
  });

  it('refuses blank chat and cuts long chat to the limit', () => {
    expect(sendChat('   ')).toBe(false);
    expect(sendChat('\u0007')).toBe(false);
    expect(sendChat('x'.repeat(CHAT_MAX_LENGTH + 50))).toBe(true);
    expect(sent[0]?.payload).toEqual({ text: 'x'.repeat(CHAT_MAX_LENGTH) });
    expectAllValid();
  });

  it('drops emotes pressed again within a moment', () => {
    sendEmote('wave');
    sendEmote('clap');
    vi.advanceTimersByTime(700);
    sendEmote('cheer');
    expect(sent.map((m) => m.payload)).toEqual([{ emote: 'wave' }, { emote: 'cheer' }]);
    expectAllValid();
  });

  it('sends nothing without a room', () => {
    setCurrentRoom(null);
    sendMove(1, 0);
    sendMoveTo(0, 0);
    expect(sendChat('hi')).toBe(false);
    expect(sent).toHaveLength(0);
  });
});
