import { describe, expect, it } from 'vitest';
import { joinErrorCode, leaveErrorCode } from '../../client/core/net/joinError.ts';

class MatchMakeError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

describe('joinErrorCode', () => {
  it.each([
    [new MatchMakeError('unauthorized', 4401), 'unauthorized'],
    [new MatchMakeError('sessionExpired', 4403), 'sessionExpired'],
    [new MatchMakeError('loungeFull', 4000), 'loungeFull'],
    [new MatchMakeError('', 4403), 'sessionExpired'],
    [new MatchMakeError('onAuth failed', 525), 'unauthorized'],
    [new MatchMakeError('too many', 429), 'rateLimited'],
    [new MatchMakeError('tooManyRooms', 429), 'tooManyRooms'],
    [new MatchMakeError('room expired', 524), 'joinFailed'],
    [new TypeError('Failed to fetch'), 'network'],
    [undefined, 'joinFailed'],
  ] as const)('%s -> %s', (error, expected) => {
    expect(joinErrorCode(error)).toBe(expected);
  });
});

describe('leaveErrorCode', () => {
  it('uses a reason the server named, else connectionLost', () => {
    expect(leaveErrorCode('sessionExpired')).toBe('sessionExpired');
    expect(leaveErrorCode('No more retries. Reconnection failed.')).toBe('connectionLost');
    expect(leaveErrorCode(undefined)).toBe('connectionLost');
  });
});
