import { CHECKIN_ERROR_CODES, type CheckinErrorCode } from '../../../shared/protocol/checkin.ts';
import { ApiError } from '../../core/http.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';

/** Camera refusals the scanner meets in the browser (no server involved). */
export const CAMERA_ERROR_CODES = ['cameraDenied', 'cameraUnavailable'] as const;
export type CameraErrorCode = (typeof CAMERA_ERROR_CODES)[number];

/** What the check-in page can show, each under `checkin.error.<code>` or the console's `error.<code>`. */
export type CheckinPageError = CheckinErrorCode | CameraErrorCode | ConsoleErrorCode;

/** The check-in page's own code when the server sent one, else the console's. */
export function checkinErrorOf(error: unknown): CheckinErrorCode | ConsoleErrorCode {
  if (error instanceof ApiError && (CHECKIN_ERROR_CODES as readonly string[]).includes(error.code))
    return error.code as CheckinErrorCode;
  return consoleErrorOf(error);
}

/** Whether the page translates this code under `checkin.error.` (its own) rather than the console's `error.`. */
export function isCheckinOwn(code: CheckinPageError): code is CheckinErrorCode | CameraErrorCode {
  return (
    (CHECKIN_ERROR_CODES as readonly string[]).includes(code) ||
    (CAMERA_ERROR_CODES as readonly string[]).includes(code)
  );
}
