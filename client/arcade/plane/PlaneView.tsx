import { type PointerEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { setGameKeys } from '../gameKeys.ts';
import { sendThrow } from '../net/gameInputs.ts';
import { formatMetres } from '../results.ts';
import { playSound } from '../sounds.ts';
import { type Aim, aimFromDrag, clampAim, DEFAULT_AIM, nudgeAim } from './aim.ts';
import { planeAim, planeDrag } from './aimState.ts';
import { PlaneControls } from './PlaneControls.tsx';
import { PlaneScene } from './PlaneScene.tsx';

const ARROW_STEPS: Record<string, [number, number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
  KeyW: [1, 0],
  KeyS: [-1, 0],
  KeyD: [0, 1],
  KeyA: [0, -1],
};

/** Paper Plane: the terminal scene, drag (or keys, or sliders) to aim, release (or Space) to throw. */
export default function PlaneView() {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const [aim, setAimState] = useState<Aim>(() => ({ ...planeAim }));
  const liveDistance = useRef<HTMLOutputElement>(null);
  const dragStart = useRef<{ x: number; y: number } | null>(null);
  const formatDistance = useMemo(() => (metres: number) => formatMetres(metres, locale), [locale]);

  const setAim = useCallback((next: Aim) => {
    const clamped = clampAim(next);
    planeAim.angle = clamped.angle;
    planeAim.power = clamped.power;
    setAimState(clamped);
  }, []);

  const throwPlane = useCallback(() => {
    if (sendThrow(planeAim)) playSound('throw');
  }, []);

  useEffect(() => {
    setGameKeys((event) => {
      const step = ARROW_STEPS[event.code];
      if (step) {
        setAim(nudgeAim(planeAim, step[0] * (event.shiftKey ? 5 : 1), step[1] * (event.shiftKey ? 5 : 1)));
        return true;
      }
      if (event.code === 'Space' || event.code === 'Enter') {
        if (!event.repeat) throwPlane();
        return true;
      }
      return false;
    });
    return () => setGameKeys(null);
  }, [setAim, throwPlane]);

  useEffect(
    () => () => {
      planeDrag.active = false;
      Object.assign(planeAim, DEFAULT_AIM);
    },
    [],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragStart.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = dragStart.current;
    if (!start) return;
    const next = aimFromDrag(event.clientX - start.x, event.clientY - start.y);
    if (!next) return;
    planeDrag.active = true;
    setAim(next);
  };
  const onPointerUp = () => {
    const dragged = planeDrag.active;
    dragStart.current = null;
    planeDrag.active = false;
    if (dragged) throwPlane();
  };

  return (
    <div className="plane-view">
      <div
        className="game-canvas plane-canvas"
        data-testid="plane-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        role="img"
        aria-label={t('games.plane.sceneLabel')}
      >
        <PlaneScene liveDistance={liveDistance} formatDistance={formatDistance} />
        <output
          ref={liveDistance}
          className="plane-live"
          data-testid="plane-live-distance"
          aria-hidden="true"
        >
          {formatDistance(0)}
        </output>
      </div>
      <PlaneControls aim={aim} onAim={setAim} onThrow={throwPlane} />
    </div>
  );
}
