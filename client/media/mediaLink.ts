import type { MediaSpace, MediaTokenResponse } from '../../shared/protocol/media.ts';
import { MediaRefusal } from '../../shared/protocol/media.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { ApiError, callRoute } from '../core/http.ts';
import { JanusSession } from './janusSession.ts';

/** Why a link is not live: reconnecting (Janus or the network went; it retries by itself) or a refusal code. */
export type MediaLinkDown = 'reconnecting' | MediaRefusal | 'network';

export interface MediaLinkOptions {
  /** The hall or lounge instance the member is in now. */
  space: MediaSpace;
  /** Ask to publish (the server decides; the grant's `publish` says what it allowed). */
  publish: boolean;
  /** The member's session bearer token (read on every token request, so a refreshed session is used). */
  sessionToken: () => string | undefined;
  /**
   * A live Janus session with its grant: publish and subscribe here. Called again after every reconnect with a new
   * session (the previous one is closed by then: drop its PeerConnections). May return a cleanup for that session.
   */
  onReady: (
    session: JanusSession,
    grant: MediaTokenResponse,
  ) => undefined | (() => void) | Promise<undefined | (() => void)>;
  /** The link went down: `reconnecting` (it retries), or a refusal that ends it (banned, not in space...). */
  onDown?: (reason: MediaLinkDown) => void;
}

/** A media link: one Janus session for one space that refreshes its token and reconnects by itself until closed. */
export interface MediaLink {
  close: () => void;
}

/** Refusals after which retrying cannot help (the member must change something first). */
const FINAL: ReadonlySet<string> = new Set([
  MediaRefusal.banned,
  MediaRefusal.notInSpace,
  MediaRefusal.notOnStage,
  MediaRefusal.muted,
  MediaRefusal.invalid,
  'unauthorized',
]);

const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * Opens a media link: gets a token from POST /api/media/token, connects to Janus, hands the session to `onReady`,
 * refreshes the token at half its life, and after the socket closes (Janus restarted, network switch on a phone,
 * `online` event) gets a new token and a new session, backing off up to 4 s between tries. A final refusal (banned,
 * no longer in the space) stops it and is reported through `onDown`.
 */
export function openMediaLink(options: MediaLinkOptions): MediaLink {
  let closed = false;
  let session: JanusSession | undefined;
  let cleanup: (() => void) | undefined;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let attempt = 0;

  const requestGrant = () =>
    callRoute<MediaTokenResponse>(routes.mediaToken, {
      token: options.sessionToken(),
      body: { space: options.space, publish: options.publish },
      cache: 'no-store',
    });

  const scheduleRefresh = (grant: MediaTokenResponse) => {
    clearTimeout(refresh);
    const wait = Math.max(1000, (grant.expiresAt - Date.now()) / 2);
    refresh = setTimeout(() => {
      void requestGrant().then(
        (next) => {
          if (closed) return;
          session?.setToken(next.token);
          scheduleRefresh(next);
        },
        () => {
          // The socket stays up on the old token until it expires; the close then reconnects or reports.
          if (!closed) refresh = setTimeout(() => scheduleRefresh(grant), 2000);
        },
      );
    }, wait);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const onOnline = () => wake?.();
  window.addEventListener('online', onOnline);

  const run = async () => {
    while (!closed) {
      try {
        const grant = await requestGrant();
        if (closed) return;
        const next = await JanusSession.connect(grant);
        if (closed) {
          next.close();
          return;
        }
        session = next;
        attempt = 0;
        scheduleRefresh(grant);
        cleanup = (await options.onReady(next, grant)) ?? undefined;
        await next.closed;
        clearTimeout(refresh);
        cleanup?.();
        cleanup = undefined;
        session = undefined;
        if (closed) return;
        options.onDown?.('reconnecting');
      } catch (error) {
        if (closed) return;
        const code = error instanceof ApiError ? error.code : 'reconnecting';
        if (FINAL.has(code)) {
          options.onDown?.(code as MediaLinkDown);
          closed = true;
          return;
        }
        session?.close();
        options.onDown?.(code === 'network' ? 'network' : 'reconnecting');
      }
      await pause(RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)] ?? 4000);
    }
  };
  void run();

  return {
    close: () => {
      if (closed) return;
      closed = true;
      clearTimeout(refresh);
      window.removeEventListener('online', onOnline);
      wake?.();
      cleanup?.();
      cleanup = undefined;
      session?.close();
      session = undefined;
    },
  };
}
