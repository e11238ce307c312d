import { afterEach, describe, expect, it, vi } from 'vitest';

type LeaveHandler = (code: number, reason?: string) => void;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock('@colyseus/sdk');
});

/** A stand-in SDK whose rooms record their leave handler, so a test can drop the connection. */
function mockSdk(failures: { value: number }) {
  const rooms: { name: string; leaveHandler?: LeaveHandler }[] = [];
  vi.doMock('@colyseus/sdk', () => ({
    Callbacks: { get: () => ({ onAdd: () => {}, onRemove: () => {}, onChange: () => {}, listen: () => {} }) },
    Client: class {
      async joinOrCreate(name: string) {
        if (rooms.length > 0 && failures.value > 0) {
          failures.value -= 1;
          throw new TypeError('fetch failed');
        }
        const room = {
          name,
          sessionId: `${name}-${rooms.length}`,
          leaveHandler: undefined as LeaveHandler | undefined,
          leave: vi.fn(async () => {}),
          onMessage: () => {},
          onDrop: () => {},
          onReconnect: () => {},
          onLeave(handler: LeaveHandler) {
            this.leaveHandler = handler;
          },
        };
        rooms.push(room);
        return room;
      }
    },
  }));
  return rooms;
}

describe('a lost room', () => {
  it('takes a fresh seat (on a live process) instead of ending the session', async () => {
    vi.resetModules();
    vi.useFakeTimers();
    const rooms = mockSdk({ value: 1 });
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { useLayoverStore: store } = await import('../../client/core/store.ts');
    const { connect } = await import('../../client/lounge/loungeRoom.ts');
    store.getState().startJoining('token-for-a-test-session', { id: '1', name: 'Mei', address: null });
    await connect('token-for-a-test-session');
    expect(rooms).toHaveLength(1);

    // The server process died: the SDK gave up reconnecting and the room closed abnormally.
    rooms[0]?.leaveHandler?.(1006);
    expect(store.getState().reconnecting).toBe(true);
    // The first try finds no live process yet; the second is seated.
    await vi.advanceTimersByTimeAsync(500);
    expect(rooms).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(rooms).toHaveLength(2);
    expect(store.getState()).toMatchObject({ status: 'inLounge', room: 'lounge', reconnecting: false });
    expect(store.getState().token).toBe('token-for-a-test-session');
    warn.mockRestore();
  });

  it('ends the session with connectionLost once every try failed', async () => {
    vi.resetModules();
    vi.useFakeTimers();
    mockSdk({ value: 99 });
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { useLayoverStore: store } = await import('../../client/core/store.ts');
    const { connect } = await import('../../client/lounge/loungeRoom.ts');
    store.getState().startJoining('token-for-a-test-session', { id: '1', name: 'Mei', address: null });
    await connect('token-for-a-test-session');
    const { currentRoom } = await import('../../client/core/net/roomRef.ts');
    const first = currentRoom() as unknown as { leaveHandler?: LeaveHandler };
    first.leaveHandler?.(1006);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(store.getState()).toMatchObject({
      status: 'error',
      errorCode: 'connectionLost',
      reconnecting: false,
    });
    warn.mockRestore();
  });
});
