/**
 * Plays an HLS URL in `element`: hls.js (loaded on first use, so the lounge's first bundle does not carry it) where
 * Media Source Extensions exist, the browser's own HLS otherwise (Safari, iOS). Returns the detach.
 */
export function attachHls(element: HTMLVideoElement, url: string): () => void {
  let detach: (() => void) | undefined;
  let cancelled = false;
  void import('hls.js').then(({ default: Hls }) => {
    if (cancelled) return;
    if (!Hls.isSupported()) {
      element.src = url;
      return;
    }
    const hls = new Hls({ lowLatencyMode: false });
    hls.loadSource(url);
    hls.attachMedia(element);
    detach = () => hls.destroy();
  });
  return () => {
    cancelled = true;
    detach?.();
    element.removeAttribute('src');
    element.load();
  };
}
