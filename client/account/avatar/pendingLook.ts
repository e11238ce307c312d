import type { AvatarLook } from '../../../shared/avatar-look.ts';
import { useLayoverStore } from '../../core/store.ts';
import { saveLook } from './avatarApi.ts';

/** The look chosen on the entry screen before any session exists: saved once, as soon as the member has one. */
let pending: AvatarLook | null = null;
const listeners = new Set<() => void>();

export function pendingLook(): AvatarLook | null {
  return pending;
}

export function choosePendingLook(look: AvatarLook | null): void {
  pending = look;
  for (const listener of listeners) listener();
  if (look) void savePending();
}

/** For useSyncExternalStore: the entry screen says a look is chosen. */
export function subscribePendingLook(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function savePending(): Promise<void> {
  const { token } = useLayoverStore.getState();
  const look = pending;
  if (!token || !look) return;
  pending = null;
  for (const listener of listeners) listener();
  try {
    await saveLook(token, look);
  } catch {
    useLayoverStore.getState().pushToast({ kind: 'alert', key: 'avatar.error.pending' });
  }
}

// Entering (as a guest, with a wallet, by signing in) gives the session the chosen look is saved under.
useLayoverStore.subscribe((state, previous) => {
  if (state.token && state.token !== previous.token && pending) void savePending();
});
