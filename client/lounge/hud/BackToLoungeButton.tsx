import { useT } from '../../core/i18n/useT.ts';
import { MAIN_ROOM } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { switchRoom } from '../loungeRoom.ts';

/** In a gated room: walk back out to the main lounge. */
export function BackToLoungeButton() {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);
  return (
    <button
      type="button"
      className="door-back"
      onClick={() => void switchRoom(MAIN_ROOM)}
      disabled={busy}
      data-testid="vip-back"
    >
      {t('door.backToLounge')}
    </button>
  );
}
