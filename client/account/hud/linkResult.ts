import type { SignInResult } from '../../../shared/protocol/sign-in.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useLayoverStore } from '../../core/store.ts';
import { handleSignInResult } from '../session.ts';

/**
 * What adding a sign-in method from the panel came to: `linked` (the session now carries the new token, the seat
 * stays), or `offer` (it belongs to another member: the app's "continue as <name>?" dialog is open).
 */
export type LinkOutcome = 'linked' | 'offer';

/** Hands the answer to the one sign-in handler (client/account/session.ts) and says "added" when it was. */
export async function applyLinkResult(result: SignInResult, addedKey: MessageKey): Promise<LinkOutcome> {
  const action = await handleSignInResult(result);
  if (action === 'offer' || action === 'ignore') return 'offer';
  useLayoverStore.getState().pushToast({ kind: 'status', key: addedKey });
  return 'linked';
}
