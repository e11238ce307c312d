import { beforeEach, describe, expect, it } from 'vitest';
import type { FlightView, GameView } from '../../client/arcade/gameView.ts';
import { readGameView } from '../../client/arcade/net/gameMirror.ts';
import { closestToPar, formatParShare, madeParLine } from '../../client/arcade/plane/parLine.ts';
import { joinQueuedRound, playAgain } from '../../client/arcade/playAgain.ts';
import { translate } from '../../client/core/i18n/translate.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import { bestDistance, winDistance } from '../../server/domain/games/plane-par.ts';
import { planeGame } from '../../shared/content/games.ts';
import { PlaneFlight, PlaneState } from '../../shared/state/GamePlaneState.ts';

const flight = (turn: number, distance: number, par: number): FlightView => ({
  turn,
  angle: 30,
  power: 0.6,
  wind: 0,
  distance,
  flightMs: 1_000,
  path: [],
  par,
});

describe("Paper Plane's prize line", () => {
  it('is the par of the throw’s own wind, never under the win score, and the state carries it to the view', () => {
    for (const wind of [-planeGame.windMaxMps, 0, planeGame.windMaxMps]) {
      const line = winDistance(wind, planeGame);
      expect(line).toBeCloseTo(
        Math.max(bestDistance(wind) * planeGame.parShare, planeGame.winScore / 100),
        9,
      );
      // The old scene claimed 20 m in every wind: the real line moves with the wind and is short of it in a headwind.
      expect(line).toBeGreaterThan(planeGame.winScore / 100);
    }
    expect(winDistance(-planeGame.windMaxMps, planeGame)).toBeLessThan(
      winDistance(planeGame.windMaxMps, planeGame),
    );
    expect(winDistance(0, { parShare: 0.9, winScore: 5_000 })).toBe(50);

    const state = new PlaneState();
    state.par = 14.5;
    const landed = new PlaneFlight();
    landed.distance = 12;
    landed.par = 13.25;
    state.flights.push(landed);
    const view = readGameView('plane', state);
    expect(view.plane?.par).toBe(14.5);
    expect(view.plane?.flights[0]?.par).toBe(13.25);
  });

  it('finds the throw that came closest to its own line, and tells a made line from a near miss', () => {
    expect(closestToPar([])).toBeNull();
    // Throw 2 flew further, but throw 1 came closer to its (shorter) headwind line.
    const near = closestToPar([flight(0, 9, 10), flight(1, 15, 20), flight(2, 0, 12)]);
    expect(near).toMatchObject({ turn: 0, distance: 9, par: 10, made: false });
    expect(near?.share).toBeCloseTo(0.9, 9);
    expect(closestToPar([flight(0, 18, 20), flight(1, 20, 20)])).toMatchObject({ turn: 1, made: true });
    expect(madeParLine(flight(0, 0, 0))).toBe(false);
    expect(madeParLine(flight(0, 10, 10))).toBe(true);
    expect(madeParLine(flight(0, 9.99, 10))).toBe(false);
  });

  it('never rounds a near miss up to 100%', () => {
    expect(formatParShare(0.999, 'en')).toBe('99%');
    expect(formatParShare(0.29, 'en')).toBe('29%');
    expect(formatParShare(1, 'en')).toBe('100%');
    expect(formatParShare(planeGame.parShare, 'vi')).toMatch(/^90\s?%$/);
  });

  it('says in four languages what wins and how close the throw came', () => {
    const values = { turn: 2, distance: '9.00 m', par: '10.00 m', percent: '90%', share: '90%' };
    for (const locale of ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const) {
      const rule = translate(locale, 'games.plane.prizeRule', values);
      const closest = translate(locale, 'games.plane.closest', values);
      expect(rule).toContain('90%');
      expect(closest).toContain('9.00 m');
      expect(closest).toContain('10.00 m');
      expect(translate(locale, 'games.plane.prizeLine', values)).toContain('10.00 m');
      expect(translate(locale, 'games.playAgain.waiting', values)).not.toBe('games.playAgain.waiting');
    }
    expect(translate('en', 'games.plane.closest', values)).toBe(
      'Closest to the gold line: throw 2, 9.00 m of 10.00 m (90%).',
    );
  });
});

describe('Play again', () => {
  const view = (phase: GameView['phase']): GameView => ({
    gameId: 'plane',
    phase,
    round: 1,
    turn: 2,
    turns: 3,
    minPlayers: 1,
    maxPlayers: 1,
    phaseEndsAt: 0,
    winner: '',
    players: [],
    plane: { wind: 0, par: 14, flights: [] },
    trivia: null,
    bags: null,
  });
  let sent: boolean[];
  const send = (ready: boolean) => {
    sent.push(ready);
    return useLayoverStore.getState().gameView?.phase === 'lobby';
  };

  beforeEach(() => {
    sent = [];
    const store = useLayoverStore.getState();
    store.endGame();
    store.beginGame('plane');
    store.setResultsOpen(true);
  });

  it('queues during the results, then readies by itself when the next lobby opens', () => {
    const store = useLayoverStore.getState();
    store.setGameView(view('results'));
    expect(playAgain(send)).toBe('queued');
    expect(useLayoverStore.getState()).toMatchObject({ playAgainQueued: true, resultsOpen: true });
    // Still the results: nothing to join yet.
    expect(joinQueuedRound(send)).toBe(false);
    store.setGameView(view('lobby'));
    expect(joinQueuedRound(send)).toBe(true);
    expect(sent).toEqual([true]);
    expect(useLayoverStore.getState()).toMatchObject({ playAgainQueued: false, resultsOpen: false });
    // Once joined, later lobby patches send nothing more.
    expect(joinQueuedRound(send)).toBe(false);
    expect(sent).toEqual([true]);
  });

  it('readies at once in the lobby, and a second press during the results takes the queue back', () => {
    const store = useLayoverStore.getState();
    store.setGameView(view('results'));
    expect(playAgain(send)).toBe('queued');
    expect(playAgain(send)).toBe('unqueued');
    store.setGameView(view('lobby'));
    expect(joinQueuedRound(send)).toBe(false);
    expect(sent).toEqual([]);
    expect(playAgain(send)).toBe('ready');
    expect(sent).toEqual([true]);
    expect(useLayoverStore.getState()).toMatchObject({ playAgainQueued: false, resultsOpen: false });
  });
});
