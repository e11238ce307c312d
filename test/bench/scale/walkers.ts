// Keeps bots walking like people clicking on the floor: a new random target every 2-5 s, one timer for all of them.
import { LOUNGE_BOUNDS } from '../../../shared/content/lounge-layout.ts';

export interface Walker {
  moveTo: (x: number, z: number) => void;
}

/** Where targets are drawn from; the whole lounge less a metre at the walls by default. */
export interface WalkArea {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

export const WHOLE_LOUNGE: WalkArea = {
  minX: LOUNGE_BOUNDS.minX + 1,
  maxX: LOUNGE_BOUNDS.maxX - 1,
  minZ: LOUNGE_BOUNDS.minZ + 1,
  maxZ: LOUNGE_BOUNDS.maxZ - 1,
};

const MIN_INTERVAL_MS = 2000;
const MAX_INTERVAL_MS = 5000;

export class Walkers {
  private readonly due = new Map<Walker, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly area: WalkArea = WHOLE_LOUNGE) {}

  /** Starts `walker` off at once, then on its own random cadence. */
  add(walkers: Iterable<Walker>): void {
    const now = Date.now();
    for (const walker of walkers) {
      this.target(walker);
      this.due.set(walker, now + MIN_INTERVAL_MS + Math.random() * (MAX_INTERVAL_MS - MIN_INTERVAL_MS));
    }
    this.timer ??= setInterval(() => this.tick(), 100);
  }

  remove(walkers: Iterable<Walker>): void {
    for (const walker of walkers) this.due.delete(walker);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.due.clear();
  }

  private tick(): void {
    const now = Date.now();
    for (const [walker, at] of this.due) {
      if (at > now) continue;
      this.target(walker);
      this.due.set(walker, now + MIN_INTERVAL_MS + Math.random() * (MAX_INTERVAL_MS - MIN_INTERVAL_MS));
    }
  }

  private target(walker: Walker): void {
    const { minX, maxX, minZ, maxZ } = this.area;
    walker.moveTo(minX + Math.random() * (maxX - minX), minZ + Math.random() * (maxZ - minZ));
  }
}
