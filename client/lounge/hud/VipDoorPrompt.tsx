import { useEffect } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { isControl, loungeKeyBlocked } from '../../core/input/keyboard.ts';
import { useSelfInZone } from '../../core/nearZone.ts';
import { useLayoverStore } from '../../core/store.ts';
import { switchRoom } from '../loungeRoom.ts';

interface Door {
  zone: string;
  room: 'vip' | 'suite';
  atDoor: MessageKey;
  enter: MessageKey;
  testId: string;
}

/** The lounge's gated doors: the zone that shows the prompt and the room the gate answers for. */
const DOORS: readonly Door[] = [
  {
    zone: 'vip-door',
    room: 'vip',
    atDoor: 'door.atVipDoor',
    enter: 'door.enterVip',
    testId: 'vip-door-enter',
  },
  {
    zone: 'suite-door',
    room: 'suite',
    atDoor: 'door.atSuiteDoor',
    enter: 'door.enterSuite',
    testId: 'suite-door-enter',
  },
];

/** At a gated door: a button (and Enter or E) to go through; the gate answers on join. */
export function VipDoorPrompt() {
  const atVip = useSelfInZone('vip-door');
  const atSuite = useSelfInZone('suite-door');
  const door = atVip ? DOORS[0] : atSuite ? DOORS[1] : undefined;
  return (
    <div className="door-prompt" role="status">
      {door && <DoorButton door={door} />}
    </div>
  );
}

function DoorButton({ door }: { door: Door }) {
  const t = useT();
  const busy = useLayoverStore((state) => state.switchingRoom);

  useEffect(() => {
    const enter = () => void switchRoom(door.room);
    // Capture phase: at the door, Enter and E mean "go in", not "chat" or "turn the camera".
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (event.code !== 'Enter' && event.code !== 'KeyE') return;
      if (loungeKeyBlocked(event.target) || (event.code === 'Enter' && isControl(event.target))) return;
      event.preventDefault();
      event.stopPropagation();
      enter();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [door]);

  return (
    <>
      <span className="visually-hidden">{t(door.atDoor)}</span>
      <button
        type="button"
        className="primary"
        onClick={() => void switchRoom(door.room)}
        disabled={busy}
        aria-keyshortcuts="Enter E"
        data-testid={door.testId}
      >
        {busy ? t('door.opening') : t(door.enter)}
      </button>
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </>
  );
}
