import { useT } from '../core/i18n/useT.ts';
import { isEventHall } from '../core/roomNames.ts';
import { useLayoverStore } from '../core/store.ts';
import { leaveEventHall } from '../lounge/loungeRoom.ts';
import { leaveAndSignOut } from './session.ts';

/**
 * Leaves the lounge and returns to the entry screen. In an event hall it is the one way out, back to the lounge (the
 * attendance minutes count up to here): the hall offers no second leave to choose between.
 */
export function LeaveButton() {
  const t = useT();
  const inHall = useLayoverStore((state) => isEventHall(state.room));
  const busy = useLayoverStore((state) => state.switchingRoom);
  if (inHall)
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
  return (
    <button type="button" className="leave" data-testid="hud-leave" onClick={() => void leaveAndSignOut()}>
      {t('hud.leave')}
    </button>
  );
}
