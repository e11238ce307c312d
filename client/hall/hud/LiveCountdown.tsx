import { useEffect, useRef } from 'react';
import { useLayoverStore } from '../../core/store.ts';
import { formatCountdown, msLeft } from '../countdown.ts';

export interface LiveCountdownProps {
  /** Server epoch ms to count down to. */
  endsAt: number;
  testId?: string;
}

/** "m:ss" to `endsAt` on the server's clock; written straight into the DOM each tick, never through React. */
export function LiveCountdown({ endsAt, testId }: LiveCountdownProps) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shown = '';
    const tick = () => {
      const text = formatCountdown(msLeft(endsAt, Date.now(), useLayoverStore.getState().serverOffsetMs));
      if (text !== shown && ref.current) ref.current.textContent = shown = text;
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  return <span ref={ref} className="countdown" role="timer" data-testid={testId} />;
}
