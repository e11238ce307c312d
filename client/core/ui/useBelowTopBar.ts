import { type RefObject, useEffect, useState } from 'react';

/**
 * How far down the page the bar holding `ref` ends, in px, kept current as the bar wraps (window resize, longer
 * labels in another language); the quest panel starts below it instead of covering the settings.
 */
export function useBelowTopBar(ref: RefObject<HTMLElement | null>): number | null {
  const [bottom, setBottom] = useState<number | null>(null);
  useEffect(() => {
    const bar = ref.current?.parentElement;
    if (!bar) return;
    const measure = () => setBottom(Math.round(bar.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [ref]);
  return bottom;
}
