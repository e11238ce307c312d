import { DRINKS } from '../../../shared/content/vip-bar.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useSelfInZone } from '../../core/nearZone.ts';
import { MAIN_ROOM } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { switchRoom } from '../loungeRoom.ts';
import { sendOrderDrink } from './barMessages.ts';
import { useKeyE } from './useKeyE.ts';
import './perks.css';

/** Inside the VIP or the suite: the bar's menu at the counter, E at the door back, a line in the quiet room. */
export function RoomPerksPrompt() {
  const atBar = useSelfInZone('vip-bar');
  const atDoor = useSelfInZone('lounge-door');
  const inQuiet = useSelfInZone('quiet-room');
  const t = useT();
  return (
    <div className="door-prompt" role="status">
      {atBar && <BarMenu />}
      {atDoor && !atBar && <DoorBack />}
      {inQuiet && <p className="room-perk-note">{t('rooms.quiet.inside')}</p>}
    </div>
  );
}

function BarMenu() {
  const t = useT();
  const [first] = DRINKS;
  useKeyE(() => sendOrderDrink(first));
  return (
    <fieldset className="room-bar-menu" data-testid="vip-bar-menu">
      <legend>{t('rooms.bar.heading')}</legend>
      <span className="visually-hidden">{t('rooms.bar.atBar')}</span>
      {DRINKS.map((drink) => (
        <button
          key={drink}
          type="button"
          className={drink === first ? 'primary' : undefined}
          onClick={() => sendOrderDrink(drink)}
          aria-keyshortcuts={drink === first ? 'E' : undefined}
          data-testid={`order-${drink}`}
        >
          {t(`rooms.bar.drink.${drink}`)}
        </button>
      ))}
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </fieldset>
  );
}

function DoorBack() {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);
  useKeyE(() => void switchRoom(MAIN_ROOM));
  return (
    <>
      <span className="visually-hidden">{t('rooms.exit.atDoor')}</span>
      <button
        type="button"
        className="primary"
        onClick={() => void switchRoom(MAIN_ROOM)}
        disabled={busy}
        aria-keyshortcuts="E"
        data-testid="lounge-door-back"
      >
        {busy ? t('door.opening') : t('door.backToLounge')}
      </button>
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </>
  );
}
