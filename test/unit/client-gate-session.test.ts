import { beforeEach, expect, it } from 'vitest';
import { useLayoverStore } from '../../client/core/store.ts';

beforeEach(() => {
  const state = useLayoverStore.getState();
  state.signOut();
  state.startJoining('token-for-a-test-session', { id: '1', name: 'Mei', address: null }, { kind: 'guest' });
  state.enterLounge('s1', 'lounge');
  useLayoverStore.getState().refuseGate({ room: 'vip', code: 'gateDenied' });
});

// Issue 21: the VIP refusal a guest saw stayed on screen after they linked a wallet that opens the door.
it('forgets a gate refusal when a wallet is linked mid-visit', () => {
  useLayoverStore
    .getState()
    .replaceSession(
      'wallet-token-for-a-test',
      { id: '1', name: 'Mei', address: '0xabc' },
      { kind: 'wallet' },
    );
  expect(useLayoverStore.getState().gateRefusal).toBeNull();
});

it('forgets a gate refusal when the tab becomes another member', () => {
  useLayoverStore
    .getState()
    .replaceSession('other-token-for-a-test', { id: '2', name: 'Mei', address: '0xabc' });
  expect(useLayoverStore.getState().gateRefusal).toBeNull();
});

it('keeps the refusal on a plain token refresh', () => {
  useLayoverStore
    .getState()
    .replaceSession('refreshed-token-for-a-test', { id: '1', name: 'Mei', address: null }, { kind: 'guest' });
  expect(useLayoverStore.getState().gateRefusal).toEqual({ room: 'vip', code: 'gateDenied' });
});
