import { useEffect, useRef } from 'react';
import { gameClock, secondsLeft } from '../serverClock.ts';

export interface PhaseClockProps {
  /** Server epoch ms to count down to. */
  endsAt: number;
  /** Called once per whole second shown (the countdown's tick). */
  onSecond?: (seconds: number) => void;
  className?: string;
}

/** Seconds left until `endsAt` on the server's clock; the text is written directly, never per-frame state. */
export function PhaseClock({ endsAt, onSecond, className }: PhaseClockProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const tick = useRef(onSecond);
  tick.current = onSecond;
  useEffect(() => {
    let shown = -1;
    let frame = 0;
    const step = () => {
      const seconds = secondsLeft(endsAt, gameClock.now());
      if (seconds !== shown) {
        shown = seconds;
        if (ref.current) ref.current.textContent = String(seconds);
        tick.current?.(seconds);
      }
      frame = requestAnimationFrame(step);
    };
    step();
    return () => cancelAnimationFrame(frame);
  }, [endsAt]);
  return <span ref={ref} className={className} role="timer" data-testid="phase-clock" />;
}
