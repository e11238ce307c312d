import { useT } from '../core/i18n/useT.ts';
import { leaveAndSignOut } from './session.ts';

/** Leaves the lounge and returns to the entry screen. */
export function LeaveButton() {
  const t = useT();
  return (
    <button type="button" className="leave" data-testid="hud-leave" onClick={() => void leaveAndSignOut()}>
      {t('hud.leave')}
    </button>
  );
}
