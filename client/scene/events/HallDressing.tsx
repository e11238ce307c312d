import { isEventHall } from '../../roomNames.ts';
import { useLayoverStore } from '../../store.ts';
import { EventScreen } from './EventScreen.tsx';
import { HostStandIn } from './HostStandIn.tsx';
import { SpotlightRing } from './SpotlightRing.tsx';

/** What turns the lounge floor into an event hall: the big screen, the mirrored host and the spotlight. */
export function HallDressing() {
  const inHall = useLayoverStore((state) => isEventHall(state.room));
  if (!inHall) return null;
  return (
    <>
      <EventScreen />
      <HostStandIn />
      <SpotlightRing />
    </>
  );
}
