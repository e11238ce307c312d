import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Loaded, readForSession } from '../../client/account/hud/useAccountData.ts';
import { ApiError } from '../../client/core/http.ts';
import { useLayoverStore } from '../../client/core/store.ts';

afterEach(() => {
  useLayoverStore.setState({ token: null });
  vi.restoreAllMocks();
});

/** A settable list state like the panel's, starting with `value`. */
function list<T>(value: T | null = null) {
  let state: Loaded<T> = { value, error: null };
  return {
    set: (update: (old: Loaded<T>) => Loaded<T>) => {
      state = update(state);
    },
    get: () => state,
  };
}

describe("the panel's lists follow the session's token", () => {
  it('reads with the token the session holds now and stores the answer', async () => {
    useLayoverStore.setState({ token: 'tok-1' });
    const read = vi.fn(async (token: string) => [token]);
    const state = list<string[]>();
    await readForSession(read, state.set, 'reading');
    expect(read).toHaveBeenCalledWith('tok-1');
    expect(state.get()).toEqual({ value: ['tok-1'], error: null });
  });

  it('drops a late refusal for a token the session has moved on from (an email was just added)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    useLayoverStore.setState({ token: 'guest-token' });
    const state = list<string[]>(['kept']);
    await readForSession(
      async () => {
        useLayoverStore.setState({ token: 'email-token' });
        throw new ApiError('unauthorized', 401);
      },
      state.set,
      'reading',
    );
    expect(state.get()).toEqual({ value: ['kept'], error: null });
  });

  it('drops a late answer for an old token too, and keeps the last list beside a translated refusal', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    useLayoverStore.setState({ token: 'old' });
    const state = list<string[]>(['before']);
    await readForSession(
      async () => {
        useLayoverStore.setState({ token: 'new' });
        return ['stale'];
      },
      state.set,
      'reading',
    );
    expect(state.get().value).toEqual(['before']);
    await readForSession(
      async () => {
        throw new ApiError('deviceNotFound', 404);
      },
      state.set,
      'reading',
    );
    expect(state.get()).toEqual({ value: ['before'], error: 'deviceNotFound' });
  });

  it('reads nothing without a session', async () => {
    const read = vi.fn(async () => []);
    await readForSession(read, list().set, 'reading');
    expect(read).not.toHaveBeenCalled();
  });
});
