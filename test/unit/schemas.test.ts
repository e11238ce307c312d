import { describe, expect, it } from 'vitest';
import { GuestSignInBody } from '../../shared/protocol/http.ts';
import { JoinOptions } from '../../shared/protocol/join.ts';
import {
  CHAT_MAX_LENGTH,
  ChatSend,
  EmoteSend,
  Interact,
  MoveIntent,
  MoveTarget,
} from '../../shared/protocol/lounge-messages.ts';

describe('lounge message schemas', () => {
  it('accepts well-formed inputs', () => {
    expect(MoveIntent.parse({ x: 0.5, z: -1 })).toEqual({ x: 0.5, z: -1 });
    expect(MoveTarget.parse({ x: 3, z: -4 })).toEqual({ x: 3, z: -4 });
    expect(ChatSend.parse({ text: '  hello\u0007 there ' })).toEqual({ text: 'hello there' });
    expect(EmoteSend.parse({ emote: 'cheer' })).toEqual({ emote: 'cheer' });
    expect(Interact.parse({ objectId: 'departures-board' })).toEqual({ objectId: 'departures-board' });
  });

  it.each([
    ['move with a string', MoveIntent, { x: 'left', z: 0 }],
    ['move beyond unit length', MoveIntent, { x: 2, z: 0 }],
    ['move with NaN', MoveIntent, { x: Number.NaN, z: 0 }],
    ['move with Infinity', MoveIntent, { x: Number.POSITIVE_INFINITY, z: 0 }],
    ['move with an extra field', MoveIntent, { x: 0, z: 0, y: 9 }],
    ['move with nothing', MoveIntent, undefined],
    ['target outside the lounge', MoveTarget, { x: 500, z: 0 }],
    ['empty chat', ChatSend, { text: '   ' }],
    ['overlong chat', ChatSend, { text: 'a'.repeat(CHAT_MAX_LENGTH + 1) }],
    ['chat that is not text', ChatSend, { text: 42 }],
    ['unknown emote', EmoteSend, { emote: 'dab' }],
    ['interact with an unknown object', Interact, { objectId: 'cockpit' }],
    ['interact with an extra field', Interact, { objectId: 'bar', x: 1 }],
    ['join without a token', JoinOptions, {}],
    ['guest name that is blank', GuestSignInBody, { name: ' \n ' }],
    ['guest name too long', GuestSignInBody, { name: 'x'.repeat(25) }],
  ] as const)('rejects %s', (_label, schema, payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});
