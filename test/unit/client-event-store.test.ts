import { beforeEach, describe, expect, it } from 'vitest';
import { useLayoverStore } from '../../client/core/store.ts';
import { clockOffset, sameHall } from '../../client/hall/eventSlice.ts';
import { type HallView, readHallView } from '../../client/hall/eventView.ts';
import { StageView } from '../../shared/protocol/stage.ts';
import { EventState, StageQuestion } from '../../shared/state/EventState.ts';

function hallState(): EventState {
  const state = new EventState();
  state.stage.eventId = 'launch';
  state.stage.title = 'Launch party';
  state.stage.status = 'live';
  state.instance = 2;
  state.hosts.set('host-1', true);
  state.muted.set('m-2', true);
  state.muted.set('m-3', false);
  return state;
}

beforeEach(() => useLayoverStore.getState().signOut());

describe('readHallView', () => {
  it('reads an empty poll, drop and pinned question as null', () => {
    const view = readHallView(hallState());
    expect([view.stage.poll, view.stage.drop, view.stage.pinned]).toEqual([null, null, null]);
    expect([view.hosts, view.muted, view.instance]).toEqual([['host-1'], ['m-2'], 2]);
  });

  it('copies the poll, the open drop and the questions as plain data', () => {
    const state = hallState();
    state.stage.poll.id = 'p1';
    state.stage.poll.kind = 'trivia';
    state.stage.poll.question = 'Which gate?';
    state.stage.poll.options.push('A1', 'B2');
    state.stage.poll.tallies.push(3, 1);
    state.stage.poll.open = true;
    state.stage.drop.assign({
      id: 'd1',
      prizeId: 'lounge-day-pass',
      mode: 'raffle',
      supply: 5,
      state: 'open',
    });
    state.stage.drop.closesAt = 1_000;
    state.stage.drop.commit = 'abc';
    const question = new StageQuestion().assign({
      id: 'q1',
      memberId: 'm-4',
      name: 'Linh',
      text: 'Hi?',
      at: 5,
    });
    state.questions.push(question);
    const view = readHallView(state);
    expect(view.stage.poll).toEqual({
      id: 'p1',
      kind: 'trivia',
      question: 'Which gate?',
      options: ['A1', 'B2'],
      tallies: [3, 1],
      open: true,
      correct: -1,
    });
    expect(view.stage.drop).toMatchObject({
      id: 'd1',
      mode: 'raffle',
      supply: 5,
      state: 'open',
      commit: 'abc',
    });
    expect(view.questions).toEqual([{ id: 'q1', memberId: 'm-4', name: 'Linh', text: 'Hi?', at: 5 }]);
  });

  it('reads a stage that the shared StageView schema takes field for field', () => {
    const state = hallState();
    state.stage.hostId = 'host-1';
    state.stage.poll.assign({ id: 'p1', question: 'Which gate?', open: true });
    state.stage.drop.assign({
      id: 'd1',
      prizeId: 'lounge-day-pass',
      supply: 5,
      state: 'drawn',
      seed: 'seed',
    });
    state.stage.pinned.assign({ id: 'q1', memberId: 'm-4', name: 'Linh', text: 'Hi?', at: 5 });
    const view = readHallView(state).stage;
    expect(StageView.parse(view)).toEqual(view);
    expect(StageView.parse(readHallView(hallState()).stage)).toEqual(readHallView(hallState()).stage);
  });

  it('ignores a drop the server has not released (empty state)', () => {
    const state = hallState();
    state.stage.drop.id = 'd1';
    expect(readHallView(state).stage.drop).toBeNull();
  });
});

describe('event slice', () => {
  const view = (): HallView => readHallView(hallState());

  it('does not re-render for a read that changed nothing React shows', () => {
    const store = useLayoverStore.getState();
    store.enterHall('launch');
    store.mirrorHall(view());
    const first = useLayoverStore.getState().hall;
    store.mirrorHall(view());
    expect(useLayoverStore.getState().hall).toBe(first);
    const changed = view();
    changed.stage.announcement = 'Doors close soon';
    store.mirrorHall(changed);
    expect(useLayoverStore.getState().hall?.stage.announcement).toBe('Doors close soon');
    expect(sameHall(first, changed)).toBe(false);
  });

  it('clears the last outcome when a new drop is released', () => {
    const store = useLayoverStore.getState();
    store.enterHall('launch');
    store.setDropOutcome({ dropId: 'd1', outcome: 'won', prizeId: 'lounge-day-pass' });
    const next = view();
    next.stage.drop = dropOf('d2');
    store.mirrorHall(next);
    expect(useLayoverStore.getState().dropOutcome).toBeNull();
  });

  it('forgets the hall, votes and report form on leaving and on sign-out', () => {
    const store = useLayoverStore.getState();
    store.enterHall('launch');
    store.mirrorHall(view());
    store.recordVote('p1', 2);
    store.setReportTarget({ memberId: 'm-2', name: 'Mei' });
    expect(useLayoverStore.getState().myVotes).toEqual({ p1: 2 });
    store.leaveHall();
    const after = useLayoverStore.getState();
    expect([after.hallEventId, after.hall, after.reportTarget, after.myVotes]).toEqual([
      null,
      null,
      null,
      {},
    ]);
    store.enterHall('launch');
    store.signOut();
    expect(useLayoverStore.getState().hallEventId).toBeNull();
  });

  it('keeps the server clock offset from the events response', () => {
    useLayoverStore
      .getState()
      .setLiveEvents({ events: [], now: '2030-01-01T00:00:10.000Z' }, Date.parse('2030-01-01T00:00:00Z'));
    expect(useLayoverStore.getState().serverOffsetMs).toBe(10_000);
    expect(clockOffset('not a date', 5)).toBe(0);
  });
});

function dropOf(id: string): NonNullable<HallView['stage']['drop']> {
  return {
    id,
    prizeId: 'lounge-day-pass',
    mode: 'first',
    supply: 3,
    claimed: 0,
    entrants: 0,
    closesAt: 0,
    state: 'open',
    commit: '',
    seed: '',
  };
}
