import { describe, expect, it } from 'vitest';
import { gameOfCabinet, standInFront } from '../../client/arcade/cabinets.ts';
import { gameErrorKey, gameJoinError, gameLeaveError } from '../../client/arcade/gameErrors.ts';
import {
  formatMetres,
  formatScore,
  formatWind,
  rankPlayers,
  recordOf,
  windKind,
} from '../../client/arcade/results.ts';
import { choiceState } from '../../client/arcade/trivia/choiceState.ts';
import { en } from '../../client/core/i18n/en.ts';
import { INPUT_OUTCOMES } from '../../shared/protocol/games.ts';

describe('results formatting', () => {
  it('shows Paper Plane centimetres as metres and other scores as points, in the member’s language', () => {
    expect(formatScore('plane', 2_247, 'en')).toBe('22.47 m');
    expect(formatScore('plane', 2_247, 'vi')).toBe('22,47 m');
    expect(formatScore('trivia', 3_120, 'en')).toBe('3,120');
    expect(formatScore('bags', 3_120, 'vi')).toBe('3.120');
    expect(formatMetres(7.349, 'en')).toBe('7.35 m');
  });

  it('names the wind from the plane’s side', () => {
    expect(windKind(2.3)).toBe('tail');
    expect(windKind(-0.4)).toBe('head');
    expect(windKind(0.01)).toBe('calm');
    expect(formatWind(-2.34, 'en')).toBe('2.3 m/s');
  });

  it('says when a round set a best, today or ever', () => {
    expect(recordOf({ score: 900, dailyBest: 900, allTimeBest: 900 })).toBe('allTime');
    expect(recordOf({ score: 800, dailyBest: 800, allTimeBest: 900 })).toBe('daily');
    expect(recordOf({ score: 700, dailyBest: 800, allTimeBest: 900 })).toBeNull();
    expect(recordOf({ score: 0, dailyBest: 0, allTimeBest: 0 })).toBeNull();
  });

  it('ranks live scores as the server ranks a round: ties share a rank, join order breaks them', () => {
    const ranked = rankPlayers([
      { name: 'Linh', score: 500, order: 2 },
      { name: 'Mei', score: 900, order: 1 },
      { name: 'Alex', score: 500, order: 0 },
      { name: 'Sam', score: 0, order: 3 },
    ]);
    expect(ranked.map(({ entry, rank }) => `${rank} ${entry.name}`)).toEqual([
      '1 Mei',
      '2 Alex',
      '2 Linh',
      '4 Sam',
    ]);
  });

  it('draws trivia choices: our pick while open, then the right one and our wrong one', () => {
    expect(choiceState(1, 1, -1)).toBe('picked');
    expect(choiceState(2, 1, -1)).toBe('idle');
    expect(choiceState(2, 1, 2)).toBe('right');
    expect(choiceState(1, 1, 2)).toBe('wrong');
    expect(choiceState(0, null, 2)).toBe('idle');
  });

  it('has a message for every outcome a grab can have', () => {
    for (const outcome of INPUT_OUTCOMES) expect(en).toHaveProperty(`games.bags.outcome.${outcome}`);
  });
});

describe('game errors', () => {
  it('explains a seat already taken, a move the server refused and every shared join failure', () => {
    expect(gameJoinError({ code: 4421, message: 'alreadySeated' })).toBe('alreadySeated');
    expect(gameJoinError({ code: 4003, message: 'alreadySeated' })).toBe('alreadySeated');
    expect(gameJoinError({ code: 4403, message: 'sessionExpired' })).toBe('sessionExpired');
    expect(gameJoinError(new TypeError('fetch failed'))).toBe('network');
    expect(gameLeaveError(4000)).toBeNull();
    expect(gameLeaveError(4420)).toBe('impossibleInput');
    expect(gameLeaveError(1006)).toBe('connectionLost');
    for (const code of ['alreadySeated', 'impossibleInput', 'sessionExpired', 'network'] as const)
      expect(en).toHaveProperty(gameErrorKey(code));
  });

  it('maps cabinets to their games and a spot in front of each', () => {
    expect(gameOfCabinet('arcade-plane')).toBe('plane');
    expect(gameOfCabinet('arcade-bags')).toBe('bags');
    expect(gameOfCabinet('arcade-pinball')).toBeNull();
    expect(gameOfCabinet('bar')).toBeNull();
    const spot = standInFront({ x: 17.6, z: 8.5 });
    expect(spot.x).toBeCloseTo(16.2);
    expect(spot.z).toBe(8.5);
  });
});
