import { z } from 'zod';

// A video (an HLS stream) on the big screen, played by every hall instance of an event in step with the room clock.
// The server keeps `{ url, startedAt }` per event; each client seeks to `serverNow - startedAt`.

/** Why a host's video was refused: not an http(s) URL, or an origin the brand did not list (HLS_ORIGINS). */
export const ScreenVideoRefusal = z.enum(['badUrl', 'originNotAllowed']);
export type ScreenVideoRefusal = z.infer<typeof ScreenVideoRefusal>;

/** The longest URL a host may put on the screen. */
export const SCREEN_VIDEO_URL_MAX = 2000;

/** Drift past this many seconds from the room clock is corrected (playback rate nudge, or a seek when far). */
export const SCREEN_VIDEO_DRIFT_S = 0.3;

/** Drift past this many seconds is corrected by a seek rather than a rate nudge (the target is within 1 s). */
export const SCREEN_VIDEO_SEEK_S = 1;

/** Host messages: start a stream on the big screen, stop it. */
export const ScreenVideoMessages = {
  screenVideoPlay: z.object({ url: z.string().min(1).max(SCREEN_VIDEO_URL_MAX) }),
  screenVideoStop: z.object({}).strict(),
  /** Any member: "tell me what the screen plays" (sent when the player mounts, so no join-time message is lost). */
  screenVideoSync: z.object({}).strict(),
} as const;

/** What the server tells a hall: the video (url '' = none), when it started and the server's clock when sent. */
export const ScreenVideoState = z.object({
  url: z.string().max(SCREEN_VIDEO_URL_MAX),
  /** Server epoch ms at which position 0 of the stream played. */
  startedAt: z.number(),
  paused: z.boolean(),
  /** Server epoch ms when this message left, so the client learns its clock offset. */
  serverNow: z.number(),
});
export type ScreenVideoState = z.infer<typeof ScreenVideoState>;

/** The stored part of the state (no clock reading). */
export type ScreenVideoStored = Omit<ScreenVideoState, 'serverNow'>;

/** The refusal a host receives. */
export const ScreenVideoRefused = z.object({ code: ScreenVideoRefusal });

/**
 * Checks a stream URL: absolute http(s) without credentials, or a same-origin path ("/hls/clip.m3u8"); absolute ones
 * must come from an origin in `allowedOrigins`. Returns the normalised URL or the refusal.
 */
export function checkScreenVideoUrl(
  raw: string,
  allowedOrigins: readonly string[],
): { ok: true; url: string } | { ok: false; code: ScreenVideoRefusal } {
  const text = raw.trim();
  if (text === '' || text.length > SCREEN_VIDEO_URL_MAX) return { ok: false, code: 'badUrl' };
  if (text.startsWith('/') && !text.startsWith('//') && !text.includes('\\')) {
    try {
      const parsed = new URL(text, 'http://same.origin');
      return parsed.host === 'same.origin'
        ? { ok: true, url: `${parsed.pathname}${parsed.search}` }
        : { ok: false, code: 'badUrl' };
    } catch {
      return { ok: false, code: 'badUrl' };
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, code: 'badUrl' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, code: 'badUrl' };
  if (parsed.username || parsed.password) return { ok: false, code: 'badUrl' };
  if (!allowedOrigins.includes(parsed.origin)) return { ok: false, code: 'originNotAllowed' };
  return { ok: true, url: parsed.href };
}

/** Where the stream should be now, in seconds, by the server's clock. */
export function screenVideoPosition(state: Pick<ScreenVideoStored, 'startedAt'>, serverNow: number): number {
  return Math.max(0, (serverNow - state.startedAt) / 1000);
}

/** How to correct `drift` seconds (player minus room clock): hold, nudge the rate, or seek. */
export function driftCorrection(drift: number): { seek: boolean; rate: number } {
  const size = Math.abs(drift);
  if (size >= SCREEN_VIDEO_SEEK_S) return { seek: true, rate: 1 };
  if (size > SCREEN_VIDEO_DRIFT_S) return { seek: false, rate: drift > 0 ? 0.9 : 1.1 };
  return { seek: false, rate: 1 };
}
