// Plain functions with no zod import, so the client's entry chunk can share them with the server's schemas.
import { DISPLAY_NAME_MAX } from '../protocol/limits.ts';
import { cleanText } from './clean-text.ts';
import { skeleton } from './confusable-skeleton.ts';

/** Words only staff and the brand speak with: no member name may read as one of them, in any lookalike spelling. */
export const RESERVED_NAME_WORDS = [
  'staff',
  'host',
  'layover',
  'admin',
  'administrator',
  'moderator',
  'official',
];
const RESERVED_SKELETONS = new Set(RESERVED_NAME_WORDS.map(skeleton));

/** Scripts whose letters pass for one another; a name may use one of them, never two (CJK and Latin mix freely). */
const LOOKALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u] as const;

/** Why a display name is refused (`null`: it is fine). */
export type DisplayNameProblem = 'empty' | 'tooLong' | 'mixedScripts' | 'reserved';

/** A display name as others will see it: cleaned like any text, then checked (`name` is set when it passes). */
export interface DisplayNameCheck {
  name: string;
  problem: DisplayNameProblem | null;
}

/**
 * The one rule for display names, on the client (as the member types) and the server (every sign-in route):
 * `cleanText`, 1 to DISPLAY_NAME_MAX characters, letters from at most one of Latin/Cyrillic/Greek, and no word
 * (nor the whole name read without spaces) that looks like a staff word ("Staff", "H0st", "Аdmin").
 */
export function checkDisplayName(raw: string): DisplayNameCheck {
  // A control character inside a name is dropped, not turned into a space ("a\u0007b" is "ab").
  const name = cleanText(raw.replace(/\p{Cc}/gu, ''));
  if (name.length === 0) return { name, problem: 'empty' };
  if (name.length > DISPLAY_NAME_MAX) return { name, problem: 'tooLong' };
  const letters = [...name].filter((char) => /\p{L}/u.test(char));
  const scripts = LOOKALIKE_SCRIPTS.filter((script) => letters.some((char) => script.test(char)));
  if (scripts.length > 1) return { name, problem: 'mixedScripts' };
  return { name, problem: readsAsReserved(name) ? 'reserved' : null };
}

function readsAsReserved(name: string): boolean {
  const words = name.split(/[^\p{L}\p{N}\p{M}$@|!]+/u).filter(Boolean);
  const candidates = [...words, words.join('')].flatMap((word) => [word, word.replace(/\p{N}+$/u, '')]);
  return candidates.some((word) => RESERVED_SKELETONS.has(skeleton(word)));
}
