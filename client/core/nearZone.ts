import { useEffect, useState } from 'react';
import type { LayoutZone } from '../../shared/content/lounge-layout.ts';
import { layoutForRoom } from '../../shared/content/room-layouts.ts';
import { poses } from './poses.ts';
import { useLayoverStore } from './store.ts';

/** How often the HUD checks where our avatar stands; a door prompt needs no per-frame precision. */
const CHECK_MS = 150;

/** Whether a floor point lies inside a named zone of the layout (an unknown zone contains nothing). */
export function insideZone(x: number, z: number, zone: LayoutZone | undefined): boolean {
  return zone !== undefined && Math.hypot(x - zone.x, z - zone.z) <= zone.radius;
}

/** A zone of the room we are in (the VIP and the suite have their own plan). */
export function layoutZone(id: string): LayoutZone | undefined {
  return layoutForRoom(useLayoverStore.getState().room).zones.find((zone) => zone.id === id);
}

/** True while our own avatar, as drawn, stands in the zone; re-renders only when that flips. */
export function useSelfInZone(zoneId: string): boolean {
  const [inside, setInside] = useState(false);
  useEffect(() => {
    const check = () => {
      const zone = layoutZone(zoneId);
      const { selfId } = useLayoverStore.getState();
      const pose = selfId ? poses.get(selfId) : undefined;
      setInside(pose !== undefined && insideZone(pose.renderX, pose.renderZ, zone));
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [zoneId]);
  return inside;
}
