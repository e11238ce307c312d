import type { CheckinLookupResponse, CheckinUseResponse } from '../../../shared/protocol/checkin.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';
import type { ConsoleLocale } from '../i18n/translate.ts';

// The check-in page's calls, through the route table like the rest of the console (failures are ApiErrors).

/** What a typed or scanned code is and whose; the prize named in the staff member's language. */
export const lookupCode = (token: string, code: string, locale: ConsoleLocale) =>
  callRoute<CheckinLookupResponse>(routes.consoleCheckinLookup, { token, body: { code, locale } });
/** Marks the code's perk used: `marked` once, `alreadyUsed` (when, by whom) for every later try. */
export const markCodeUsed = (token: string, code: string, locale: ConsoleLocale) =>
  callRoute<CheckinUseResponse>(routes.consoleCheckinUse, { token, body: { code, locale } });
