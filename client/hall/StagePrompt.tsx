import { useEffect } from 'react';
import type { PublicLiveEvent } from '../../shared/protocol/live-events.ts';
import { useT } from '../core/i18n/useT.ts';
import { isControl, isTypingTarget } from '../core/input/keyboard.ts';
import { useSelfInZone } from '../core/nearZone.ts';
import { useLayoverStore } from '../core/store.ts';
import { enterEventHall } from '../lounge/loungeRoom.ts';
import { EnterHallButton } from './hud/EnterHallButton.tsx';
import { nextEvent, openEvents } from './liveEventsList.ts';

/** At the lounge's stage: the way into the hall of the event on now (Enter or E), or when the next one starts. */
export function StagePrompt() {
  const atStage = useSelfInZone('stage');
  const events = useLayoverStore((state) => state.liveEvents);
  if (!atStage) return <div className="door-prompt" role="status" />;
  const live = openEvents(events)[0];
  return (
    <div className="door-prompt" role="status">
      {live ? <StageEntry event={live} /> : <NextShow event={nextEvent(events)} />}
    </div>
  );
}

function StageEntry({ event }: { event: PublicLiveEvent }) {
  const t = useT();
  useEffect(() => {
    // Capture phase: at the stage, Enter and E mean "go in", as at the VIP door.
    const onKeyDown = (key: KeyboardEvent) => {
      if (key.ctrlKey || key.metaKey || key.altKey || key.repeat) return;
      if (key.code !== 'Enter' && key.code !== 'KeyE') return;
      if (isTypingTarget(key.target) || (key.code === 'Enter' && isControl(key.target))) return;
      key.preventDefault();
      key.stopPropagation();
      void enterEventHall(event.id);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [event.id]);
  return (
    <>
      <span className="stage-prompt-text">{t('event.atStage', { title: event.title })}</span>
      <EnterHallButton event={event} testId="event-stage-enter" />
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </>
  );
}

function NextShow({ event }: { event: PublicLiveEvent | undefined }) {
  const t = useT();
  if (!event) return <p className="stage-prompt-text">{t('event.noShow')}</p>;
  const time = new Date(event.startsAt);
  return <p className="stage-prompt-text">{t('event.nextShow', { title: event.title, time })}</p>;
}
