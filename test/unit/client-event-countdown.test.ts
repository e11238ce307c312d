import { describe, expect, it } from 'vitest';
import { formatCountdown, msLeft, tallyShares } from '../../client/hall/countdown.ts';
import { eventRefusalKey } from '../../client/hall/eventRefusal.ts';

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1000, '0:01'],
    [59_001, '1:00'],
    [90_000, '1:30'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [-500, '0:00'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('msLeft', () => {
  it('counts on the server clock, never below zero', () => {
    // Our clock runs 2 s behind the server: 10 s of window at server time 1000 leaves 8 s for us at local 1000.
    expect(msLeft(11_000, 1_000, 2_000)).toBe(8_000);
    expect(msLeft(11_000, 20_000, 0)).toBe(0);
    expect(msLeft(0, 1_000, 0)).toBe(0);
  });
});

describe('tallyShares', () => {
  it('gives whole percentages, and zeros before anyone voted', () => {
    expect(tallyShares([1, 1, 2])).toEqual([25, 25, 50]);
    expect(tallyShares([0, 0])).toEqual([0, 0]);
    expect(tallyShares([2, 1])).toEqual([67, 33]);
  });
});

describe('eventRefusalKey', () => {
  it('names the pass an event wants when the gate refused us', () => {
    expect(eventRefusalKey('gateDenied', { kind: 'pass', gate: 'suite' })).toBe('event.gateDenied.suite');
    expect(eventRefusalKey('gateDenied', { kind: 'pass', gate: 'vip' })).toBe('event.gateDenied.vip');
    expect(eventRefusalKey('passInUse')).toBe('error.passInUse');
  });

  it('explains the hall refusals with their own messages', () => {
    expect(eventRefusalKey('eventNotOpen')).toBe('error.eventNotOpen');
    expect(eventRefusalKey('eventBanned')).toBe('error.eventBanned');
    expect(eventRefusalKey('eventNotFound')).toBe('error.eventNotFound');
  });
});
