import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawRaffle, raffleCommit } from '../../server/domain/live-events/raffle.ts';
import { doorsOpen, liveEventStatus, liveOverlapMs } from '../../server/domain/live-events/status.ts';
import { LiveEventSpec } from '../../shared/content/live-events.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 18, minutes));
const event = { startsAt: at(30), endsAt: at(90), cancelledAt: null, endedAt: null };

describe('live event status', () => {
  it('is scheduled, then live, then ended; doors open ten minutes early', () => {
    expect(liveEventStatus(event, at(0).getTime())).toBe('scheduled');
    expect(doorsOpen(event, at(19).getTime())).toBe(false);
    expect(doorsOpen(event, at(20).getTime())).toBe(true);
    expect(liveEventStatus(event, at(30).getTime())).toBe('live');
    expect(liveEventStatus(event, at(90).getTime())).toBe('ended');
    expect(doorsOpen(event, at(90).getTime())).toBe(false);
    expect(liveEventStatus({ ...event, endedAt: at(45) }, at(50).getTime())).toBe('ended');
    expect(liveEventStatus({ ...event, cancelledAt: at(1) }, at(40).getTime())).toBe('cancelled');
  });

  it('counts only the live part of a stay toward attendance', () => {
    expect(liveOverlapMs(event, at(20).getTime(), at(40).getTime())).toBe(10 * 60_000);
    expect(liveOverlapMs(event, at(80).getTime(), at(120).getTime())).toBe(10 * 60_000);
    expect(liveOverlapMs({ ...event, endedAt: at(35) }, at(20).getTime(), at(60).getTime())).toBe(5 * 60_000);
    expect(liveOverlapMs(event, at(0).getTime(), at(10).getTime())).toBe(0);
  });
});

describe('raffle', () => {
  const entrants = Array.from({ length: 40 }, (_, i) => `member-${i}`);

  it('commits to the seed with sha256', () => {
    expect(raffleCommit('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('draws the same winners from the same seed whatever the entry order, never more than the supply', () => {
    const winners = drawRaffle('seed-1', entrants, 5);
    expect(winners).toHaveLength(5);
    expect(new Set(winners).size).toBe(5);
    expect(drawRaffle('seed-1', [...entrants].reverse(), 5)).toEqual(winners);
    expect(drawRaffle('seed-2', entrants, 5)).not.toEqual(winners);
    expect(drawRaffle('seed-1', ['a', 'b', 'a'], 5).sort()).toEqual(['a', 'b']);
    expect(drawRaffle('seed-1', entrants, 0)).toEqual([]);
  });

  it('ranks entrants by sha256(seed:memberId), so anyone can repeat the draw', () => {
    const rank = (id: string) => createHash('sha256').update(`seed-1:${id}`).digest('hex');
    const expected = [...entrants].sort((a, b) => rank(a).localeCompare(rank(b))).slice(0, 3);
    expect(drawRaffle('seed-1', entrants, 3)).toEqual(expected);
  });
});

describe('event schedule schema', () => {
  const valid = {
    title: '  Winter Lights Live ',
    startsAt: '2026-12-01T18:30:00+08:00',
    durationMinutes: 60,
    hall: 'main-stage',
    access: { kind: 'pass', gate: 'vip' },
    attendanceStampId: 'live-event',
    attendMinutes: 10,
    drops: [{ id: 'gold-rush', prizeId: 'lounge-day-pass', supply: 10, windowSeconds: 60, mode: 'first' }],
  };

  it('accepts a well-formed event and trims the title', () => {
    const parsed = LiveEventSpec.parse(valid);
    expect(parsed.title).toBe('Winter Lights Live');
    expect(parsed.description).toBe('');
  });

  it('names the field at fault', () => {
    const issues = (input: object) =>
      LiveEventSpec.safeParse({ ...valid, ...input }).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ hall: 'garage' })).toEqual(['hall']);
    expect(issues({ attendanceStampId: 'nope' })).toEqual(['attendanceStampId']);
    expect(issues({ attendMinutes: 90 })).toEqual(['attendMinutes']);
    expect(issues({ drops: [{ ...valid.drops[0], prizeId: 'yacht' }] })).toEqual(['drops.0.prizeId']);
    expect(issues({ drops: [valid.drops[0], valid.drops[0]] })).toEqual(['drops']);
    expect(issues({ access: { kind: 'pass', gate: 'lounge' } })).toEqual(['access.gate']);
  });
});
