import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { leaveEventHall } from '../../lounge/loungeRoom.ts';

/**
 * In a hall, in the top bar's place of "Leave lounge": walk back out to the main lounge (the attendance minutes count
 * up to here). The hall offers no other leave, so a member never has to choose between two.
 */
export function EventLeaveButton() {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);
  return (
    <button
      type="button"
      className="leave"
      onClick={() => void leaveEventHall()}
      disabled={busy}
      data-testid="event-leave"
    >
      {t('event.leave')}
    </button>
  );
}
