import { describe, expect, it } from 'vitest';
import { occurrencesOf } from '../../server/points/earn-lounge.ts';

describe('occurrencesOf', () => {
  it('a game earns on its event id, with whether it was won', () => {
    expect(
      occurrencesOf('m1', { id: 'e1', kind: 'gameFinished', gameId: 'bags', score: 3, won: true }, []),
    ).toEqual([{ id: 'e1', event: { kind: 'gameFinished', gameId: 'bags', won: true } }]);
  });

  it('a live event attended earns once per live event and member, whatever the milestone', () => {
    const at = (minutes: number) =>
      occurrencesOf(
        'm1',
        { id: `attend:ev:m1:${minutes}`, kind: 'eventAttended', liveEventId: 'ev', minutes },
        [],
      );
    expect(at(1)).toEqual([{ id: 'attend:ev:m1', event: { kind: 'eventAttended' } }]);
    expect(at(30)).toEqual(at(1));
  });

  it('each stamp an event earns is an occurrence of its own; events no rule knows earn nothing', () => {
    expect(
      occurrencesOf('m1', { id: 'e2', kind: 'chatted' }, [
        { type: 'StampEarned', questId: 'q', stampId: 's1' },
        { type: 'PointsAdded', questId: 'q', points: 5 },
        { type: 'StampEarned', questId: 'q', stampId: 's2' },
      ]),
    ).toEqual([
      { id: 'e2:stamp:s1', event: { kind: 'stampEarned' } },
      { id: 'e2:stamp:s2', event: { kind: 'stampEarned' } },
    ]);
    expect(occurrencesOf('m1', { id: 'e3', kind: 'dayVisited', day: '2026-12-06' }, [])).toEqual([]);
  });

  it('a zone visit earns on its event id', () => {
    expect(occurrencesOf('m1', { id: 'e4', kind: 'zoneVisited', zone: 'window' }, [])).toEqual([
      { id: 'e4', event: { kind: 'zoneVisited', zone: 'window' } },
    ]);
  });
});
