import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The load process' event-loop delay over a window: when it is high, receivers stamp arrivals late (jitter). */
export function loopDelayMeter(): { start: () => void; stop: () => number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  return {
    start: () => {
      histogram.reset();
      histogram.enable();
    },
    /** p99 delay in ms. */
    stop: () => {
      histogram.disable();
      return histogram.percentile(99) / 1e6;
    },
  };
}
