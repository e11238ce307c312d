import { describe, expect, it } from 'vitest';
import { earshotOf, sameEarshot } from '../../../server/rooms/parts/voice-earshot.ts';

const at = (sessionId: string, x: number, z = 0) => ({ sessionId, x, z });
const listener = at('me', 0);

describe('earshot', () => {
  it('hears a speaker 2 m away and not one 30 m away, nearest first, never itself', () => {
    const speakers = [at('far', 30), at('me', 0), at('near', 0, 2), at('mid', 8)];
    expect(earshotOf(listener, speakers, new Set())).toEqual(['near', 'mid']);
  });

  it('admits a new speaker only within 12 m but keeps one already heard up to 15 m (hysteresis)', () => {
    const edge = [at('edge', 13.5)];
    expect(earshotOf(listener, edge, new Set())).toEqual([]);
    expect(earshotOf(listener, edge, new Set(['edge']))).toEqual(['edge']);
    expect(earshotOf(listener, [at('edge', 15.5)], new Set(['edge']))).toEqual([]);
    expect(earshotOf(listener, [at('edge', 12)], new Set())).toEqual(['edge']);
  });

  it('subscribes at most the 12 nearest speakers, however many stand within earshot', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => at(`s${i}`, 0.3 * (30 - i)));
    const heard = earshotOf(listener, crowd, new Set());
    expect(heard).toHaveLength(12);
    expect(heard[0]).toBe('s29');
    expect(heard).not.toContain('s0');
  });

  it('uses the custom rules when given', () => {
    const rules = { enterM: 1, leaveM: 2, maxSpeakers: 1 };
    expect(earshotOf(listener, [at('a', 1.5), at('b', 0.5)], new Set(['a']), rules)).toEqual(['b']);
  });

  it('compares two lists by speakers and order', () => {
    expect(sameEarshot(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameEarshot(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameEarshot(['a'], ['a', 'b'])).toBe(false);
  });
});
