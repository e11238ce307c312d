import type { AvatarLook } from '../../../shared/avatar-look.ts';
import type { LookResponse } from '../../../shared/protocol/avatar.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { ApiError, callRoute } from '../../core/http.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/** The member's stored look (null = default) and the wearable prizes they hold. */
export function fetchLook(token: string): Promise<LookResponse> {
  return callRoute<LookResponse>(routes.myLook, { token, cache: 'no-store' });
}

/** Stores the look; every room the member is in shows it at once. */
export function saveLook(token: string, look: AvatarLook): Promise<LookResponse> {
  return callRoute<LookResponse>(routes.setLook, { token, body: look });
}

const KNOWN = ['invalidLook', 'notWearable', 'wearableNotHeld', 'rateLimited', 'unauthorized'] as const;

/** The message that explains a failed save, in the member's words. */
export function lookErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : '';
  return (KNOWN as readonly string[]).includes(code)
    ? (`avatar.error.${code}` as MessageKey)
    : 'avatar.error.other';
}
