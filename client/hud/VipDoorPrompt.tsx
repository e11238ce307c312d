import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { isControl, isTypingTarget } from '../input/keyboard.ts';
import { switchRoom } from '../net/lounge.ts';
import { useLayoverStore } from '../store.ts';
import { useSelfInZone } from './nearZone.ts';

const enterVip = () => void switchRoom('vip');

/** At the VIP door: a button (and Enter or E) to go through; the gate answers on join. */
export function VipDoorPrompt() {
  const t = useT();
  const atDoor = useSelfInZone('vip-door');
  const busy = useLayoverStore((state) => state.switchingRoom);

  useEffect(() => {
    if (!atDoor) return;
    // Capture phase: at the door, Enter and E mean "go in", not "chat" or "turn the camera".
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.code !== 'Enter' && event.code !== 'KeyE') return;
      if (isTypingTarget(event.target) || (event.code === 'Enter' && isControl(event.target))) return;
      event.preventDefault();
      event.stopPropagation();
      enterVip();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [atDoor]);

  return (
    <div className="door-prompt" role="status">
      {atDoor && (
        <>
          <span className="visually-hidden">{t('door.atVipDoor')}</span>
          <button
            type="button"
            className="primary"
            onClick={enterVip}
            disabled={busy}
            aria-keyshortcuts="Enter E"
            data-testid="vip-door-enter"
          >
            {busy ? t('door.opening') : t('door.enterVip')}
          </button>
          <span className="door-key" aria-hidden="true">
            E
          </span>
        </>
      )}
    </div>
  );
}
