import { DISPLAY_NAME_MAX } from '../../shared/protocol/limits.ts';

export { DISPLAY_NAME_MAX };

const NAME_KEY = 'layover.name';

/** Same rule as the server's DisplayName: control characters removed, trimmed, 1 to DISPLAY_NAME_MAX long. */
export function cleanDisplayName(raw: string): string | null {
  const name = raw.replace(/\p{Cc}/gu, '').trim();
  return name.length >= 1 && name.length <= DISPLAY_NAME_MAX ? name : null;
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
