import { beforeEach, describe, expect, it, vi } from 'vitest';
import { insideZone, layoutZone } from '../../client/core/nearZone.ts';
import { joinErrorCode, leaveErrorCode } from '../../client/core/net/joinError.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import { themeForRoom } from '../../client/lounge/scene/roomTheme.ts';

class ServerError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

beforeEach(() => useLayoverStore.getState().signOut());

describe('gate join errors', () => {
  it.each([
    [new ServerError(4410, 'gateDenied'), 'gateDenied'],
    [new ServerError(4412, 'passInUse'), 'passInUse'],
    [new ServerError(4410, ''), 'gateDenied'],
    [new ServerError(4412, ''), 'passInUse'],
    [new ServerError(4000, 'gateDenied: no qualifying pass'), 'gateDenied'],
  ] as const)('%s -> %s', (error, expected) => {
    expect(joinErrorCode(error)).toBe(expected);
  });

  it('reads a gateLost close by reason or by code 4411', () => {
    expect(leaveErrorCode('gateLost', 4411)).toBe('gateLost');
    expect(leaveErrorCode('', 4411)).toBe('gateLost');
    expect(leaveErrorCode(undefined, 1006)).toBe('connectionLost');
  });
});

describe('the VIP door zone', () => {
  const zone = layoutZone('vip-door');

  it('contains the spot in front of the door and nothing across the room', () => {
    expect(zone).toBeDefined();
    expect(insideZone(17.5, 1, zone)).toBe(true);
    expect(insideZone(18.2, 2.9, zone)).toBe(true);
    expect(insideZone(15, 1, zone)).toBe(false);
    expect(insideZone(0, 8, zone)).toBe(false);
  });

  it('an unknown zone contains nothing', () => {
    expect(insideZone(0, 0, layoutZone('nowhere'))).toBe(false);
  });
});

describe('room state in the store', () => {
  const seat = (room: 'lounge' | 'vip') => {
    const state = useLayoverStore.getState();
    state.startJoining('token-for-a-test-session', { id: '1', name: 'Mei', address: null });
    state.enterLounge('s1', room);
  };

  it('opens the VIP door after a VIP join and closes it after a refusal', () => {
    seat('vip');
    expect(useLayoverStore.getState()).toMatchObject({ room: 'vip', vipAccess: true });
    useLayoverStore.getState().enterLounge('s2', 'lounge');
    expect(useLayoverStore.getState()).toMatchObject({ room: 'lounge', vipAccess: true });
    useLayoverStore.getState().refuseGate({ room: 'vip', code: 'gateDenied' });
    expect(useLayoverStore.getState()).toMatchObject({
      room: 'lounge',
      vipAccess: false,
      switchingRoom: false,
      gateRefusal: { room: 'vip', code: 'gateDenied' },
    });
  });

  it('a lost gate forgets the room and the open door', () => {
    seat('vip');
    useLayoverStore.getState().loseGate();
    expect(useLayoverStore.getState()).toMatchObject({ room: null, vipAccess: false, status: 'inLounge' });
  });

  it('linking a wallet swaps the token without leaving the lounge', () => {
    seat('lounge');
    useLayoverStore
      .getState()
      .replaceSession('wallet-token-for-a-test', { id: '1', name: 'Mei', address: '0xabc' });
    expect(useLayoverStore.getState()).toMatchObject({
      status: 'inLounge',
      room: 'lounge',
      token: 'wallet-token-for-a-test',
    });
  });

  it('dresses each gated room in its own theme', () => {
    expect(themeForRoom('lounge')).toBe('main');
    expect(themeForRoom(null)).toBe('main');
    expect(themeForRoom('vip')).toBe('vip');
    expect(themeForRoom('suite')).toBe('suite');
  });
});

describe('switchRoom', () => {
  it('stays seated when the VIP gate refuses, moves when it opens, and reseats after a wallet link', async () => {
    vi.resetModules();
    const rooms: Array<{ name: string; leave: ReturnType<typeof vi.fn> }> = [];
    const refuse = { value: true };
    vi.doMock('@colyseus/sdk', () => ({
      Callbacks: {
        get: () => ({ onAdd: () => {}, onRemove: () => {}, onChange: () => {}, listen: () => {} }),
      },
      Client: class {
        async joinOrCreate(name: string) {
          if (name === 'vip' && refuse.value) throw new ServerError(4410, 'gateDenied');
          const room = {
            name,
            sessionId: `${name}-${rooms.length}`,
            leave: vi.fn(async () => {}),
            onMessage: () => {},
            onDrop: () => {},
            onReconnect: () => {},
            onLeave: () => {},
          };
          rooms.push(room);
          return room;
        }
      },
    }));
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { useLayoverStore: store } = await import('../../client/core/store.ts');
    const { connect, switchRoom } = await import('../../client/lounge/loungeRoom.ts');
    store.getState().startJoining('token-for-a-test-session', { id: '1', name: 'Mei', address: null });
    await connect('token-for-a-test-session');
    expect(store.getState().room).toBe('lounge');

    await switchRoom('vip');
    expect(store.getState()).toMatchObject({
      room: 'lounge',
      status: 'inLounge',
      gateRefusal: { room: 'vip', code: 'gateDenied' },
    });
    expect(rooms).toHaveLength(1);
    expect(rooms[0]?.leave).not.toHaveBeenCalled();

    refuse.value = false;
    await switchRoom('vip');
    expect(store.getState()).toMatchObject({ room: 'vip', vipAccess: true, gateRefusal: null });
    expect(rooms[0]?.leave).toHaveBeenCalledWith(true);

    // A guest who linked a wallet takes the same room again with the new token, then leaves the old seat.
    const { reseat } = await import('../../client/lounge/loungeRoom.ts');
    await reseat('wallet-token-for-a-test');
    expect(store.getState()).toMatchObject({ room: 'vip', status: 'inLounge' });
    expect(rooms.map((room) => room.name)).toEqual(['lounge', 'vip', 'vip']);
    expect(rooms[1]?.leave).toHaveBeenCalledWith(true);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    vi.unstubAllGlobals();
    vi.doUnmock('@colyseus/sdk');
  });
});
