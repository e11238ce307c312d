import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { leaveEventHall } from '../../lounge/loungeRoom.ts';

/** In a hall: walk back out to the main lounge (the attendance minutes count up to here). */
export function EventLeaveButton() {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);
  return (
    <button
      type="button"
      className="door-back"
      onClick={() => void leaveEventHall()}
      disabled={busy}
      data-testid="event-leave"
    >
      {t('event.leave')}
    </button>
  );
}
