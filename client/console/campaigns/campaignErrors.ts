import { ApiError } from '../../core/http.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';

/** The campaigns page's own refusal codes, each translated under `campaigns.error.<code>`. */
export const CAMPAIGN_ERROR_CODES = [
  'invalidSegment',
  'invalidCampaign',
  'segmentEmpty',
  'dropTooLarge',
  'unknownPrize',
  'prizeNotOnChain',
  'unknownEvent',
  'unknownSegment',
  'unknownStatusLevel',
  'unknownGate',
  'gateNotIndexed',
  'roleRequired',
] as const;
export type CampaignErrorCode = (typeof CAMPAIGN_ERROR_CODES)[number];

/** A failure as the page shows it: a campaigns code or the console's, and a drop's numbers when it was too large. */
export interface CampaignFailure {
  code: CampaignErrorCode | ConsoleErrorCode;
  own: boolean;
  numbers?: { size: number; remaining: number; atCap: number };
}

/** Reads a failure; a too-large drop's numbers come from the server's detail, in the order it writes them. */
export function campaignFailureOf(error: unknown): CampaignFailure {
  if (error instanceof ApiError && (CAMPAIGN_ERROR_CODES as readonly string[]).includes(error.code)) {
    const code = error.code as CampaignErrorCode;
    const [size, remaining, atCap] = (error.detail?.match(/\d+/g) ?? []).map(Number);
    if (code === 'dropTooLarge' && size !== undefined && remaining !== undefined && atCap !== undefined)
      return { code, own: true, numbers: { size, remaining, atCap } };
    return { code, own: true };
  }
  return { code: consoleErrorOf(error), own: false };
}
