import type { WindowStats } from './rtp-stats.ts';

/** Many receivers' windows of one kind of stream, summed (loss) and averaged (jitter, bitrate). */
export interface StreamSummary {
  receivers: number;
  lossPct: number;
  /** Mean over receivers of the RFC 3550 jitter at the window's end. */
  jitterMeanMs: number;
  /** Largest jitter estimate any receiver reached during the window. */
  jitterMaxMs: number;
  kbpsMean: number;
}

export function summarize(windows: WindowStats[]): StreamSummary {
  const sum = (f: (w: WindowStats) => number) => windows.reduce((total, w) => total + f(w), 0);
  const expected = sum((w) => w.expected);
  const n = Math.max(1, windows.length);
  return {
    receivers: windows.length,
    lossPct: expected > 0 ? (100 * sum((w) => w.lost)) / expected : 0,
    jitterMeanMs: sum((w) => w.jitterMs) / n,
    jitterMaxMs: Math.max(0, ...windows.map((w) => w.maxJitterMs)),
    kbpsMean: sum((w) => (w.seconds > 0 ? (w.bytes * 8) / 1000 / w.seconds : 0)) / n,
  };
}
