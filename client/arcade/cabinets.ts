import { GAME_IDS, type GameId } from '../../shared/content/games.ts';

/** The lounge layout's zone where the cabinets stand (shared/content/lounge-layout.ts). */
export const ARCADE_ZONE = 'arcade';

/** The game a cabinet of the layout runs: `arcade-plane` runs `plane`; a cabinet without a game runs none. */
export function gameOfCabinet(cabinetId: string): GameId | null {
  const id = cabinetId.startsWith('arcade-') ? cabinetId.slice('arcade-'.length) : '';
  return (GAME_IDS as readonly string[]).includes(id) ? (id as GameId) : null;
}

/** Where to stand to play a cabinet: a step in front of its screen, on the side it faces. */
export function standInFront(cabinet: { x: number; z: number }, step = 1.4): { x: number; z: number } {
  return { x: cabinet.x > 0 ? cabinet.x - step : cabinet.x + step, z: cabinet.z };
}
