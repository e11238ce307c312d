import { ApiError } from '../../core/http.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';

/** The brand page's own refusal codes, each translated under `error.<code>` in the console catalogues. */
export const BRAND_ERROR_CODES = [
  'brandConflict',
  'invalidBrand',
  'notAnImage',
  'imageTooLarge',
  'imageDimensions',
] as const;
export type BrandErrorCode = (typeof BRAND_ERROR_CODES)[number];

/** What the brand page shows for a failure: its own code when the server sent one, else the console's. */
export function brandErrorOf(error: unknown): BrandErrorCode | ConsoleErrorCode {
  if (error instanceof ApiError && (BRAND_ERROR_CODES as readonly string[]).includes(error.code))
    return error.code as BrandErrorCode;
  return consoleErrorOf(error);
}

/** The form field a server refusal names (`kit.colours.text: ...` -> `colours.text`), if any. */
export function fieldOfDetail(detail: string | undefined): string | null {
  const match = detail?.match(/^kit\.([\w.-]+):/);
  return match?.[1] ?? null;
}
