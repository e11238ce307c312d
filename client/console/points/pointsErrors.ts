import { ApiError } from '../../core/http.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';

/** The points page's own refusal codes, each translated under `error.<code>` in the console catalogues. */
export const POINTS_ERROR_CODES = [
  'invalidAdjustment',
  'adjustmentBelowZero',
  'adjustmentConflict',
  'invalidPartner',
  'partnerExists',
  'partnerNotFound',
  'copyFailed',
] as const;
export type PointsErrorCode = (typeof POINTS_ERROR_CODES)[number];

/** What the points page shows for a failure: its own code when the server sent one, else the console's. */
export function pointsErrorOf(error: unknown): PointsErrorCode | ConsoleErrorCode {
  if (error instanceof ApiError && (POINTS_ERROR_CODES as readonly string[]).includes(error.code))
    return error.code as PointsErrorCode;
  return consoleErrorOf(error);
}
