import { PerkErrorCode } from '../../../shared/protocol/perks.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/** The message for a failed perk call: the server's code (shared/protocol/perks.ts), `network`, else "try again". */
export function perkErrorKey(code: string): MessageKey {
  if (PerkErrorCode.safeParse(code).success) return `perks.error.${code as PerkErrorCode}`;
  if (code === 'network') return 'perks.error.network';
  if (code === 'unauthorized' || code === 'sessionExpired') return 'rewards.error.unauthorized';
  return 'perks.error.other';
}
