import { useT } from '../core/i18n/useT.ts';
import { isEventHall } from '../core/roomNames.ts';
import { useLayoverStore } from '../core/store.ts';
import { EventLeaveButton } from '../hall/hud/EventLeaveButton.tsx';
import { leaveAndSignOut } from './session.ts';

/** Leaves the lounge and returns to the entry screen; in an event hall, the one way out is back to the lounge. */
export function LeaveButton() {
  const t = useT();
  const inHall = useLayoverStore((state) => isEventHall(state.room));
  if (inHall) return <EventLeaveButton />;
  return (
    <button type="button" className="leave" data-testid="hud-leave" onClick={() => void leaveAndSignOut()}>
      {t('hud.leave')}
    </button>
  );
}
