import { describe, expect, it } from 'vitest';
import { lobbyStarts, rankRound, roundWinner, utcDay } from '../../server/domain/games/rounds.ts';

const seat = (key: string, ready: boolean, connected = true) => ({ key, order: 0, ready, connected });

describe('game lobby', () => {
  it('starts as soon as enough players are all ready, solo included', () => {
    expect(lobbyStarts([seat('a', true)], { minPlayers: 1, lobbyEndsAt: 10_000 }, 0)).toBe(true);
    expect(lobbyStarts([seat('a', true), seat('b', false)], { minPlayers: 1, lobbyEndsAt: 10_000 }, 0)).toBe(
      false,
    );
    expect(lobbyStarts([seat('a', true)], { minPlayers: 2, lobbyEndsAt: 10_000 }, 0)).toBe(false);
  });

  it('starts at its deadline with whoever is there, if that is enough and someone is ready', () => {
    const seats = [seat('a', true), seat('b', false)];
    expect(lobbyStarts(seats, { minPlayers: 2, lobbyEndsAt: 10_000 }, 9_999)).toBe(false);
    expect(lobbyStarts(seats, { minPlayers: 2, lobbyEndsAt: 10_000 }, 10_000)).toBe(true);
    expect(lobbyStarts([seat('a', true)], { minPlayers: 2, lobbyEndsAt: 10_000 }, 20_000)).toBe(false);
    // Nobody ready: an idle room never plays on its own.
    expect(lobbyStarts([seat('a', false), seat('b', false)], { minPlayers: 1, lobbyEndsAt: 0 }, 20_000)).toBe(
      false,
    );
    // A player whose connection is lost neither counts nor holds the others up.
    expect(
      lobbyStarts([seat('a', true), seat('b', false, false)], { minPlayers: 1, lobbyEndsAt: 10_000 }, 0),
    ).toBe(true);
  });
});

describe('round results', () => {
  it('ranks by score, shares ranks on ties, lists ties by join order and gives the win to the first', () => {
    const standings = rankRound([
      { key: 'late', score: 900, order: 3 },
      { key: 'low', score: 100, order: 0 },
      { key: 'early', score: 900, order: 1 },
    ]);
    expect(standings).toEqual([
      { key: 'early', score: 900, rank: 1 },
      { key: 'late', score: 900, rank: 1 },
      { key: 'low', score: 100, rank: 3 },
    ]);
    expect(roundWinner(standings, 500)).toBe('early');
    expect(roundWinner(standings, 1000)).toBeNull();
    expect(roundWinner([], 1)).toBeNull();
  });

  it('counts days in UTC', () => {
    expect(utcDay(Date.parse('2026-05-01T23:59:59+07:00'))).toBe('2026-05-01');
    expect(utcDay(Date.parse('2026-05-02T06:59:59+07:00'))).toBe('2026-05-01');
  });
});
