/** How many recent patches the estimate looks back over (20 Hz patches: about two seconds). */
const SAMPLES = 40;

/**
 * Server time from the `now` each state patch carries. A patch is always a little late, so `now - localNow`
 * undershoots the true offset by its delay; the largest of the recent samples is the least delayed one. The
 * estimate therefore never runs ahead of the server, which rejects inputs stamped in its future.
 */
export class ServerClock {
  private readonly offsets: number[] = [];
  private best = Number.NaN;

  /** Records one patch: the server's `now` and the local monotonic time it arrived at. */
  sample(serverNow: number, localNow: number): void {
    if (!Number.isFinite(serverNow) || serverNow <= 0) return;
    this.offsets.push(serverNow - localNow);
    if (this.offsets.length > SAMPLES) this.offsets.shift();
    this.best = Math.max(...this.offsets);
  }

  /** True once at least one patch has been seen. */
  get ready(): boolean {
    return !Number.isNaN(this.best);
  }

  /** Estimated server epoch ms at `localNow` (performance.now()); falls back to the wall clock before any patch. */
  now(localNow: number = performance.now()): number {
    return this.ready ? localNow + this.best : Date.now();
  }

  reset(): void {
    this.offsets.length = 0;
    this.best = Number.NaN;
  }
}

/** The clock of the game room we are in; written by client/net/games.ts, read by views and inputs. */
export const gameClock = new ServerClock();

/** Whole seconds left until `endsAt` (server ms), never negative: what a countdown shows. */
export function secondsLeft(endsAt: number, serverNow: number): number {
  if (endsAt <= 0) return 0;
  return Math.max(0, Math.ceil((endsAt - serverNow) / 1000));
}
