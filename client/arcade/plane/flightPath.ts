/** Point of a flight path (x0, y0, x1, y1, ... evenly spaced in time) at `progress` 0..1, written into `out`. */
export function pointOnPath(
  path: ArrayLike<number>,
  progress: number,
  out: { x: number; y: number },
): { x: number; y: number } {
  const points = Math.floor(path.length / 2);
  if (points === 0) {
    out.x = 0;
    out.y = 0;
    return out;
  }
  const along = Math.max(0, Math.min(1, progress)) * (points - 1);
  const index = Math.min(points - 2, Math.floor(along));
  if (index < 0) {
    out.x = path[0] ?? 0;
    out.y = path[1] ?? 0;
    return out;
  }
  const share = along - index;
  const x0 = path[index * 2] ?? 0;
  const y0 = path[index * 2 + 1] ?? 0;
  const x1 = path[index * 2 + 2] ?? x0;
  const y1 = path[index * 2 + 3] ?? y0;
  out.x = x0 + (x1 - x0) * share;
  out.y = y0 + (y1 - y0) * share;
  return out;
}

/** Direction of travel at `progress`, in radians above the horizon (for pitching the plane along its path). */
export function pitchOnPath(path: ArrayLike<number>, progress: number): number {
  const points = Math.floor(path.length / 2);
  if (points < 2) return 0;
  const index = Math.min(points - 2, Math.floor(Math.max(0, Math.min(1, progress)) * (points - 1)));
  const dx = (path[index * 2 + 2] ?? 0) - (path[index * 2] ?? 0);
  const dy = (path[index * 2 + 3] ?? 0) - (path[index * 2 + 1] ?? 0);
  return dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
}

/** Shortest and longest time a flight is shown, in ms: a real flight's time, squeezed into the reveal. */
const MIN_SHOW_MS = 600;

/** How long to animate a flight of `flightMs` when the reveal leaves `revealLeftMs` before the next turn. */
export function flightShowMs(flightMs: number, revealLeftMs: number): number {
  if (flightMs <= 0) return 0;
  return Math.max(Math.min(MIN_SHOW_MS, flightMs), Math.min(flightMs, revealLeftMs));
}
