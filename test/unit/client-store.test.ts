import { beforeEach, describe, expect, it } from 'vitest';
import { CHAT_HISTORY, useLayoverStore } from '../../client/core/store.ts';

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
