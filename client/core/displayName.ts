import { DISPLAY_NAME_MAX } from '../../shared/protocol/limits.ts';
import { checkDisplayName } from '../../shared/text/display-name.ts';

export { DISPLAY_NAME_MAX };

const NAME_KEY = 'layover.name';

/** Same rule as the server's DisplayName (shared/text/display-name.ts), so the entry screen refuses what it refuses. */
export function cleanDisplayName(raw: string): string | null {
  const { name, problem } = checkDisplayName(raw);
  return problem === null ? name : null;
}

export function rememberedName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name);
  } catch {
    // Remembering the name is a convenience only.
  }
}
