import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import './arrival.css';
import { rememberTour, tourDue } from './tourState.ts';
import { TOUR_STEPS } from './tourSteps.ts';
import { tourAction, useTour } from './tourStore.ts';

const focusOnMount = (element: HTMLElement | null) => element?.focus();

const memory = () => (typeof localStorage === 'undefined' ? null : localStorage);

export interface ArrivalTourProps {
  /** Makes the map visible (the compact HUD folds it), so the step's marked place can be seen. */
  showMap: () => void;
}

/**
 * A member's first visit opens a short tour of the lounge: one small card per place (Next, Skip; Escape skips), the
 * map marking each place. Finishing or skipping is remembered in this browser per member; Help's Tour opens it again.
 */
export function ArrivalTour({ showMap }: ArrivalTourProps) {
  const memberId = useLayoverStore((state) => state.member?.id ?? null);
  const tour = useTour((state) => state.tour);
  const focus = useTour((state) => state.focus);

  useEffect(() => {
    // Opening by itself, the card announces itself (aria-live) and leaves focus where it is.
    if (memberId && tourDue(memberId, memory())) tourAction('start', false);
    return () => void tourAction('skip', false);
  }, [memberId]);

  useEffect(() => {
    if (tour.kind === 'open' && tour.step === 0) showMap();
  }, [tour, showMap]);

  if (tour.kind === 'closed' || !memberId) return null;
  return <TourCard step={tour.step} memberId={memberId} focus={focus} />;
}

function TourCard({ step, memberId, focus }: { step: number; memberId: string; focus: boolean }) {
  const t = useT();
  const ids = { title: useId(), body: useId() };
  // Whatever had focus before the tour gets it back when the tour closes.
  const before = useRef<Element | null>(document.activeElement);
  const current = TOUR_STEPS[step];
  const last = step === TOUR_STEPS.length - 1;

  const close = (action: 'next' | 'skip') => {
    const after = tourAction(action);
    if (after.kind === 'open') return;
    rememberTour(memberId, memory(), Date.now());
    const back = before.current;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close('skip');
  };

  if (!current) return null;
  return (
    <section
      className="arrival-card"
      role="dialog"
      aria-live={focus ? undefined : 'polite'}
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onKeyDown={onKeyDown}
      data-testid="arrival-tour"
      data-step={step}
    >
      <p className="arrival-step">{t('arrival.step', { n: step + 1, total: TOUR_STEPS.length })}</p>
      {/* Keyed by step: each step's heading mounts afresh and takes focus, so it is read out. */}
      <h2 key={step} id={ids.title} ref={focus ? focusOnMount : undefined} tabIndex={-1}>
        {t(current.title)}
      </h2>
      <p id={ids.body}>
        {t(current.body)} <span className="arrival-on-map">{t('arrival.onMap')}</span>
      </p>
      <div className="arrival-actions">
        <button type="button" className="primary" onClick={() => close('next')} data-testid="arrival-next">
          {last ? t('arrival.finish') : t('arrival.next')}
        </button>
        <button type="button" onClick={() => close('skip')} data-testid="arrival-skip">
          {t('arrival.skip')}
        </button>
      </div>
    </section>
  );
}
