import { beforeEach, describe, expect, it } from 'vitest';
import { useLayoverStore } from '../../client/core/store.ts';
import { CHAT_HISTORY } from '../../client/lounge/chatSlice.ts';

beforeEach(() => useLayoverStore.getState().signOut());

describe('client store', () => {
  it(`keeps only the last ${CHAT_HISTORY} chat lines`, () => {
    const { addChatLine } = useLayoverStore.getState();
    for (let i = 0; i < CHAT_HISTORY + 10; i++)
      addChatLine({ id: `${i}`, memberId: 'm', name: 'Mei', text: `line ${i}`, at: i });
    const lines = useLayoverStore.getState().chatLines;
    expect(lines).toHaveLength(CHAT_HISTORY);
    expect(lines[0]?.id).toBe('10');
  });

  it('changes the roster only on join, leave, rename or tier change', () => {
    const { upsertMember, removeMember } = useLayoverStore.getState();
    upsertMember({ sessionId: 'a', id: '1', name: 'Mei', tier: 'guest' });
    const first = useLayoverStore.getState().members;
    upsertMember({ sessionId: 'a', id: '1', name: 'Mei', tier: 'guest' });
    expect(useLayoverStore.getState().members).toBe(first);
    upsertMember({ sessionId: 'a', id: '1', name: 'Mei Lin', tier: 'guest' });
    expect(useLayoverStore.getState().members[0]?.name).toBe('Mei Lin');
    removeMember('a');
    expect(useLayoverStore.getState().members).toEqual([]);
  });

  it('a failed session goes back to the entry screen with a code', () => {
    const state = useLayoverStore.getState();
    state.startJoining('token', { id: '1', name: 'Mei', address: null });
    state.enterLounge('session-1');
    state.failSession('sessionExpired');
    const after = useLayoverStore.getState();
    expect([after.status, after.errorCode, after.selfId, after.token]).toEqual([
      'error',
      'sessionExpired',
      null,
      null,
    ]);
  });
});

describe('client store reset', () => {
  it('signing out clears every slice the member filled and keeps the visitor preferences', () => {
    const state = useLayoverStore.getState();
    state.startJoining('token', { id: '1', name: 'Mei', address: null });
    state.enterLounge('session-1', 'vip');
    state.upsertMember({ sessionId: 'a', id: '1', name: 'Mei', tier: 'guest' });
    state.addChatLine({ id: '1', memberId: 'm', name: 'Mei', text: 'hi', at: 1 });
    state.celebrateStamp('first-flight');
    state.setQuestPanel('passport');
    state.openArcadeMenu('trivia');
    state.enterHall('event-1');
    state.setLocale('vi');
    state.signOut();
    const after = useLayoverStore.getState();
    expect({
      status: after.status,
      token: after.token,
      member: after.member,
      room: after.room,
      vipAccess: after.vipAccess,
      members: after.members,
      chatLines: after.chatLines,
      celebration: after.celebration,
      questPanel: after.questPanel,
      arcadeMenu: after.arcadeMenu,
      hallEventId: after.hallEventId,
    }).toEqual({
      status: 'signedOut',
      token: null,
      member: null,
      room: null,
      vipAccess: false,
      members: [],
      chatLines: [],
      celebration: null,
      questPanel: null,
      arcadeMenu: null,
      hallEventId: null,
    });
    expect(after.locale).toBe('vi');
    after.setLocale('en');
  });

  it('an erasure note outlives the sign-out it came with', () => {
    const state = useLayoverStore.getState();
    state.noteErasure({ inFlight: 1, cancelled: 0 });
    state.signOut();
    expect(useLayoverStore.getState().erasure).toEqual({ inFlight: 1, cancelled: 0 });
  });
});
