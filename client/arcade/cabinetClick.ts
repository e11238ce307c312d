import type { LayoutBox } from '../../shared/content/lounge-layout.ts';
import { walkTo } from '../core/input/steering.ts';
import { insideZone, layoutZone } from '../core/nearZone.ts';
import { poses } from '../core/poses.ts';
import { useLayoverStore } from '../core/store.ts';
import { ARCADE_ZONE, gameOfCabinet, standInFront } from './cabinets.ts';

/** A click on a cabinet: at the arcade it offers the games (this one first), from afar it walks us there. */
export function clickCabinet(cabinet: LayoutBox): void {
  const game = gameOfCabinet(cabinet.id);
  const store = useLayoverStore.getState();
  if (!game || store.game) return;
  const pose = store.selfId ? poses.get(store.selfId) : undefined;
  if (pose && insideZone(pose.renderX, pose.renderZ, layoutZone(ARCADE_ZONE))) {
    store.openArcadeMenu(game);
    return;
  }
  const spot = standInFront(cabinet);
  walkTo(spot.x, spot.z);
}
