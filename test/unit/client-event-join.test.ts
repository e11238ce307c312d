import { describe, expect, it } from 'vitest';
import { isEventLeave, joinErrorCode, leaveErrorCode } from '../../client/core/net/joinError.ts';
import { JoinErrorCode, LeaveCode } from '../../shared/protocol/join.ts';

class MatchMakeError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

describe('event hall join refusals', () => {
  it.each([
    [new MatchMakeError('', JoinErrorCode.eventNotFound), 'eventNotFound'],
    [new MatchMakeError('', JoinErrorCode.eventNotOpen), 'eventNotOpen'],
    [new MatchMakeError('', JoinErrorCode.eventBanned), 'eventBanned'],
    [new MatchMakeError('eventNotOpen: doors open at 19:50', 4000), 'eventNotOpen'],
    [new MatchMakeError('gateDenied', JoinErrorCode.gateDenied), 'gateDenied'],
  ] as const)('%s -> %s', (error, expected) => {
    expect(joinErrorCode(error)).toBe(expected);
  });
});

describe('leaving a hall', () => {
  it('maps the close codes to a walk back to the lounge, never an ended session', () => {
    const codes = [LeaveCode.eventRemoved, LeaveCode.eventBanned, LeaveCode.eventEnded].map((code) =>
      leaveErrorCode(undefined, code),
    );
    expect(codes).toEqual(['eventRemoved', 'eventBanned', 'eventEnded']);
    expect(codes.every(isEventLeave)).toBe(true);
  });

  it('treats any other close as a lost connection', () => {
    expect(leaveErrorCode(undefined, 1006)).toBe('connectionLost');
    expect(isEventLeave('connectionLost')).toBe(false);
    expect(isEventLeave('gateLost')).toBe(false);
  });
});
