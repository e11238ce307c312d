import type { EraseMeResponse } from '../../../shared/protocol/http.ts';
import { rememberName } from '../../core/displayName.ts';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { leaveAndSignOut } from '../session.ts';
import { eraseMyData } from './memberApi.ts';

/** Erases the member's data, then leaves the room and signs out; the entry screen then says what happened. */
export async function eraseMyDataAndSignOut(): Promise<EraseMeResponse> {
  const { token } = useLayoverStore.getState();
  if (!token) throw new ApiError('unauthorized', 401);
  const result = await eraseMyData(token);
  // The name this browser remembers for the entry form goes too, before the entry screen reads it.
  rememberName('');
  useLayoverStore.getState().noteErasure({ inFlight: result.inFlight, cancelled: result.cancelled });
  // The server has already ended every session, so the sign-out's own revoke is a harmless no-op.
  await leaveAndSignOut();
  return result;
}
