import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, offsetOf, toLocalInput } from '../../client/console/localTime.ts';
import { LiveEventSpec } from '../../shared/content/live-events.ts';

const savedTz = process.env.TZ;
const useZone = (zone: string) => {
  process.env.TZ = zone;
};

describe('local datetime <-> ISO with offset', () => {
  beforeAll(() => useZone('Asia/Taipei'));
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('reads a datetime-local value in the browser zone and writes its offset', () => {
    useZone('Asia/Taipei');
    expect(localInputToIso('2026-03-14T19:30')).toBe('2026-03-14T19:30:00+08:00');
    expect(Date.parse('2026-03-14T19:30:00+08:00')).toBe(Date.UTC(2026, 2, 14, 11, 30));
  });

  it('uses the offset in force on that date (summer time)', () => {
    useZone('America/New_York');
    expect(localInputToIso('2026-01-10T09:00')).toBe('2026-01-10T09:00:00-05:00');
    expect(localInputToIso('2026-07-10T09:00')).toBe('2026-07-10T09:00:00-04:00');
  });

  it('handles half-hour zones and zones west of UTC', () => {
    useZone('Asia/Kolkata');
    expect(localInputToIso('2026-05-01T00:15')).toBe('2026-05-01T00:15:00+05:30');
    useZone('America/St_Johns');
    expect(offsetOf(new Date(2026, 0, 5))).toBe('-03:30');
  });

  it('refuses what is not a time', () => {
    useZone('Asia/Taipei');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(localInputToIso('2026-02-31T10:00')).toBeNull();
  });

  it('round-trips with the input format and satisfies the event schema', () => {
    useZone('Asia/Ho_Chi_Minh');
    const date = new Date(2026, 10, 3, 8, 5);
    expect(toLocalInput(date)).toBe('2026-11-03T08:05');
    const iso = localInputToIso(toLocalInput(date));
    expect(iso).toBe('2026-11-03T08:05:00+07:00');
    expect(isoToLocalInput(iso!)).toBe('2026-11-03T08:05');
    expect(isoToLocalInput('2026-11-03T01:05:00Z')).toBe('2026-11-03T08:05');
    expect(isoToLocalInput('nonsense')).toBe('');
    expect(LiveEventSpec.shape.startsAt.safeParse(iso).success).toBe(true);
  });
});
