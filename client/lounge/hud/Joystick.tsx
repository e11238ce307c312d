import { type PointerEvent, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { stickAxes } from '../../core/input/axes.ts';
import { steerFromAxes } from '../../core/input/steerFromAxes.ts';

const RADIUS = 52;
const DEAD_ZONE = 0.15;

function isTouchDevice(): boolean {
  return globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;
}

/** On-screen joystick for touch screens; writes the walk direction that the scene turns into move intents. */
export function Joystick() {
  const t = useT();
  const [visible] = useState(isTouchDevice);
  const knob = useRef<HTMLDivElement>(null);
  const activePointer = useRef<number | null>(null);

  const update = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    let dx = event.clientX - (rect.left + rect.width / 2);
    let dy = event.clientY - (rect.top + rect.height / 2);
    const length = Math.hypot(dx, dy);
    if (length > RADIUS) {
      dx = (dx / length) * RADIUS;
      dy = (dy / length) * RADIUS;
    }
    const strength = Math.min(length, RADIUS) / RADIUS;
    stickAxes.x = strength < DEAD_ZONE ? 0 : dx / RADIUS;
    stickAxes.y = strength < DEAD_ZONE ? 0 : -dy / RADIUS;
    if (knob.current) knob.current.style.transform = `translate(${dx}px, ${dy}px)`;
    steerFromAxes();
  };
  const release = () => {
    activePointer.current = null;
    stickAxes.x = 0;
    stickAxes.y = 0;
    if (knob.current) knob.current.style.transform = '';
    steerFromAxes();
  };

  if (!visible) return null;
  return (
    <div
      className="joystick"
      role="img"
      aria-label={t('joystick.label')}
      onPointerDown={(event) => {
        activePointer.current = event.pointerId;
        event.currentTarget.setPointerCapture(event.pointerId);
        update(event);
      }}
      onPointerMove={(event) => {
        if (event.pointerId === activePointer.current) update(event);
      }}
      onPointerUp={release}
      onPointerCancel={release}
      onLostPointerCapture={release}
    >
      <div ref={knob} className="joystick-knob" />
    </div>
  );
}
