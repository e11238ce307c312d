import { beforeEach, describe, expect, it } from 'vitest';
import { liveBags } from '../../client/arcade/bags/liveBags.ts';
import { mirrorBags, readGameView } from '../../client/arcade/net/gameMirror.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import { Bag, BagsState } from '../../shared/state/GameBagsState.ts';
import { PlaneFlight, PlaneState } from '../../shared/state/GamePlaneState.ts';
import { GamePlayer } from '../../shared/state/GameState.ts';

function player(name: string, order: number, score: number): GamePlayer {
  const seat = new GamePlayer();
  seat.memberId = `m-${name}`;
  seat.name = name;
  seat.order = order;
  seat.score = score;
  return seat;
}

beforeEach(() => {
  useLayoverStore.getState().endGame();
  liveBags.clear();
});

describe('game state mirror', () => {
  it('reads a Paper Plane room into the view React draws, without the clock', () => {
    const state = new PlaneState();
    state.gameId = 'plane';
    state.phase = 'reveal';
    state.round = 2;
    state.turn = 1;
    state.turns = 3;
    state.wind = -1.5;
    state.now = 123_456;
    state.players.set('b', player('Linh', 1, 0));
    state.players.set('a', player('Mei', 0, 1_234));
    const flight = new PlaneFlight();
    flight.turn = 0;
    flight.distance = 12.34;
    flight.flightMs = 1_500;
    flight.path.push(0, 1.6, 12.34, 0);
    state.flights.push(flight);

    const view = readGameView('plane', state);
    expect(view.players.map((p) => p.name)).toEqual(['Mei', 'Linh']);
    expect(view.plane?.flights[0]).toMatchObject({ turn: 0, flightMs: 1_500, path: [0, 1.6, 12.34, 0] });
    expect(view.plane?.wind).toBe(-1.5);
    expect(view.trivia).toBeNull();
    expect(view.bags).toBeNull();
    expect(JSON.stringify(view)).not.toContain('123456');
    state.now = 999_999;
    expect(readGameView('plane', state)).toEqual(view);
  });

  it('keeps the carousel’s bags in step with the patches', () => {
    const state = new BagsState();
    const bag = (id: number, tag: string) => {
      const b = new Bag();
      b.id = id;
      b.tag = tag;
      b.spawnAt = 1_000 * id;
      return b;
    };
    state.bags.set('1', bag(1, 'HAN'));
    state.bags.set('2', bag(2, 'PRIORITY'));
    mirrorBags(state);
    expect([...liveBags.keys()]).toEqual([1, 2]);
    const first = liveBags.get(1);
    (state.bags.get('1') as Bag).takenBy = 'someone';
    state.bags.delete('2');
    mirrorBags(state);
    expect(liveBags.get(1)).toBe(first);
    expect(first?.takenBy).toBe('someone');
    expect(first?.takenSeenAt).toBeGreaterThan(0);
    expect(liveBags.has(2)).toBe(false);
  });
});

describe('games slice', () => {
  it('opens a game fresh, clears everything of it on the way out, and keeps a join error for the menu', () => {
    const store = useLayoverStore.getState();
    store.openArcadeMenu('trivia');
    store.beginGame('plane');
    expect(useLayoverStore.getState()).toMatchObject({
      arcadeMenu: null,
      game: { id: 'plane', connection: 'joining', selfId: null },
    });
    store.gameJoined('s1');
    store.setResultsOpen(true);
    store.pushGameFeedback({ kind: 'thrown', outcome: 'accepted' });
    store.pushGameFeedback({ kind: 'thrown', outcome: 'accepted' });
    const { gameFeedback } = useLayoverStore.getState();
    expect(gameFeedback?.seq).toBeGreaterThan(1);
    store.endGame('impossibleInput');
    expect(useLayoverStore.getState()).toMatchObject({
      game: null,
      gameView: null,
      resultsOpen: false,
      gameFeedback: null,
      gameError: 'impossibleInput',
    });
    store.openArcadeMenu('plane');
    expect(useLayoverStore.getState().gameError).toBe('impossibleInput');
    store.closeArcadeMenu();
    expect(useLayoverStore.getState().gameError).toBeNull();
  });

  it('remembers the mute choice', () => {
    useLayoverStore.getState().setGamesMuted(true);
    expect(useLayoverStore.getState().gamesMuted).toBe(true);
    useLayoverStore.getState().setGamesMuted(false);
    expect(useLayoverStore.getState().gamesMuted).toBe(false);
  });
});
