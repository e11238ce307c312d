import { describe, expect, it } from 'vitest';
import { gameErrorKey, gameLeaveError } from '../../client/arcade/gameErrors.ts';
import { isEventLeave, leaveErrorCode } from '../../client/core/net/joinError.ts';
import { LeaveCode } from '../../shared/protocol/join.ts';

describe('close codes of a revoked connection, as the member reads them', () => {
  it('a room closed with sessionEnded or roleChanged says so, even when the reason is missing', () => {
    expect(leaveErrorCode(undefined, LeaveCode.sessionEnded)).toBe('sessionEnded');
    expect(leaveErrorCode('sessionEnded', LeaveCode.sessionEnded)).toBe('sessionEnded');
    expect(leaveErrorCode(undefined, LeaveCode.roleChanged)).toBe('roleChanged');
    expect(leaveErrorCode('roleChanged', LeaveCode.roleChanged)).toBe('roleChanged');
  });

  it('a host who lost the role walks back to the lounge like any other hall leave', () => {
    expect(isEventLeave('roleChanged')).toBe(true);
    expect(isEventLeave('sessionEnded')).toBe(false);
  });

  it('a game closed with sessionEnded is explained as a sign-out, not a lost connection', () => {
    expect(gameLeaveError(LeaveCode.sessionEnded)).toBe('sessionEnded');
    expect(gameLeaveError(LeaveCode.sessionEnded, 'sessionEnded')).toBe('sessionEnded');
    expect(gameErrorKey('sessionEnded')).toBe('error.sessionEnded');
  });
});
