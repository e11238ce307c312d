import type { PublicLiveEvent } from '../../../shared/protocol/live-events.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { enterEventHall } from '../../lounge/loungeRoom.ts';

export interface EnterHallButtonProps {
  event: PublicLiveEvent;
  testId: string;
}

/** Takes a seat in the event's hall; a refusal (doors shut, banned, no pass) is explained and we stay here. */
export function EnterHallButton({ event, testId }: EnterHallButtonProps) {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);
  return (
    <button
      type="button"
      className="primary"
      onClick={() => void enterEventHall(event.id)}
      disabled={busy}
      aria-label={t('event.enterNamed', { title: event.title })}
      data-testid={testId}
    >
      {busy ? t('event.entering') : t('event.enter')}
    </button>
  );
}
