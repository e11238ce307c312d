import { type LoungeLayout, loungeColliders, loungeLayout } from '../../shared/content/lounge-layout.ts';
import { type Pose, resolveCollisions } from '../../shared/movement.ts';

/** How long an emote stays above an avatar, in milliseconds. */
export const EMOTE_DURATION_MS = 3000;

/** The heading from (x, z) towards the layout's departures board (0 faces +z); the windows when it has none. */
export function headingToBoard(x: number, z: number, layout: LoungeLayout = loungeLayout): number {
  const board = layout.boxes.find((box) => box.kind === 'board');
  if (!board) return Math.PI;
  return Math.atan2(board.x - x, board.z - z);
}

/** A free spot near the lounge entrance; `random` in [0, 1) twice makes it deterministic in tests. */
export function spawnPose(random: () => number): Pose {
  const { x, z, spread } = loungeLayout.spawn;
  const angle = random() * Math.PI * 2;
  const radius = Math.sqrt(random()) * spread;
  const spot = resolveCollisions(x + Math.cos(angle) * radius, z + Math.sin(angle) * radius, loungeColliders);
  // Face the departures board on arrival: the first journey's "read the board" is then in view.
  return { x: spot.x, z: spot.z, heading: headingToBoard(spot.x, spot.z) };
}

/** The tier shown on a name tag, from how the member signed in: a guest until they keep their account. */
export function tierForSession(kind: string): string {
  return kind === 'guest' ? 'guest' : 'member';
}
