import { isEventHall } from '../core/roomNames.ts';
import { useLayoverStore } from '../core/store.ts';
import { EventScreen } from './scene/EventScreen.tsx';
import { HostStandIn } from './scene/HostStandIn.tsx';
import { SpotlightRing } from './scene/SpotlightRing.tsx';
import { StageLights } from './scene/StageLights.tsx';

/** What turns the lounge floor into an event hall: the big screen, the mirrored host, the spotlight and the stage lights. */
export function HallDressing() {
  const inHall = useLayoverStore((state) => isEventHall(state.room));
  if (!inHall) return null;
  return (
    <>
      <EventScreen />
      <HostStandIn />
      <SpotlightRing />
      <StageLights />
    </>
  );
}
