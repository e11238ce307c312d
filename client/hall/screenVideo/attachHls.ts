import type Hls from 'hls.js';

/** A stream attached to a video element: whether it is live (and where its edge is), and the detach. */
export interface AttachedStream {
  /** A live stream follows its own edge, not the room clock (its timeline does not start at the host's play). */
  live(): boolean;
  /** For a live stream under hls.js, the position it keeps behind the edge (seconds); null when unknown. */
  liveSyncPosition(): number | null;
  detach(): void;
}

/** How long after a failed load (the CDN down, the member's network gone) hls.js tries again. */
const RETRY_MS = 3000;

/**
 * Plays an HLS URL in `element` from `startAt()` seconds: hls.js (loaded on first use, so the lounge's first bundle
 * does not carry it) where Media Source Extensions exist, the browser's own HLS otherwise (Safari, iOS). A stream that
 * stops loading is retried every few seconds; `onFailing(true)` says so, `onFailing(false)` once it plays again.
 */
export function attachHls(
  element: HTMLVideoElement,
  url: string,
  startAt: () => number,
  onFailing: (failing: boolean) => void,
): AttachedStream {
  let hls: Hls | undefined;
  let cancelled = false;
  let retry: number | undefined;
  const recovered = () => onFailing(false);
  element.addEventListener('playing', recovered);
  void import('hls.js')
    .then(({ default: HlsPlayer }) => {
      if (cancelled) return;
      if (!HlsPlayer.isSupported()) {
        element.addEventListener('loadedmetadata', () => seekNative(element, startAt()), { once: true });
        element.addEventListener('error', () => onFailing(true));
        element.src = url;
        return;
      }
      // The first fragment loaded is the one the room is at, so a late member does not fetch the start first.
      const player = new HlsPlayer({ lowLatencyMode: false, startPosition: startAt() });
      hls = player;
      player.on(HlsPlayer.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        onFailing(true);
        if (data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR) return player.recoverMediaError();
        window.clearTimeout(retry);
        // No playlist yet: ask for it again; otherwise go on loading fragments from where the room is.
        retry = window.setTimeout(
          () => (player.levels.length === 0 ? player.loadSource(url) : player.startLoad(startAt())),
          RETRY_MS,
        );
      });
      player.on(HlsPlayer.Events.FRAG_BUFFERED, recovered);
      player.loadSource(url);
      player.attachMedia(element);
    })
    .catch(() => onFailing(true));
  return {
    live: () => (hls ? Boolean(hls.latestLevelDetails?.live) : element.duration === Number.POSITIVE_INFINITY),
    liveSyncPosition: () => hls?.liveSyncPosition ?? null,
    detach: () => {
      cancelled = true;
      window.clearTimeout(retry);
      element.removeEventListener('playing', recovered);
      hls?.destroy();
      element.removeAttribute('src');
      element.load();
    },
  };
}

/** Native HLS: a VOD clip starts where the room is; a live one (infinite duration) stays at the browser's edge. */
function seekNative(element: HTMLVideoElement, position: number): void {
  if (Number.isFinite(element.duration)) element.currentTime = Math.min(position, element.duration);
}
