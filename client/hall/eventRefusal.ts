import type { EventAccess } from '../../shared/content/live-events.ts';
import type { ErrorCode } from '../core/errorCodes.ts';
import type { MessageKey } from '../core/i18n/en.ts';

/** Why a hall turned us away, in words that name the pass it wants when the gate was the reason. */
export function eventRefusalKey(code: ErrorCode, access?: EventAccess): MessageKey {
  if (code !== 'gateDenied') return `error.${code}`;
  return access?.kind === 'pass' && access.gate === 'suite'
    ? 'event.gateDenied.suite'
    : 'event.gateDenied.vip';
}
