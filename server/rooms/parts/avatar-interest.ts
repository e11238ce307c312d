import type { Client } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import { StateView } from '@colyseus/schema';
import type { Pose } from '../../../shared/movement.ts';
import { VIEW_RADIUS_M } from '../../../shared/netcode.ts';
import type { Member } from '../../../shared/state/LoungeState.ts';
import { NearestHeap } from '../../domain/grid-nearest.ts';
import { SpatialGrid } from '../../domain/spatial-grid.ts';

/** An avatar already in a view keeps its place against newcomers up to this much nearer, so the edge does not flicker. */
export const KEEP_BONUS_M = 3;
/** Grid cells are wider than the furthest a held avatar stays in view, so the 3x3 cells around a member hold all. */
const CELL_M = VIEW_RADIUS_M + KEEP_BONUS_M + 1;

/** What one client sees: stable member slots (its own first), kept between updates. */
interface Seen {
  slots: Int32Array;
  count: number;
}

/**
 * Interest management: each client's StateView holds its own avatar and the nearest others (at most `limit`, within
 * VIEW_RADIUS_M), so a crowded room costs each member only what is around them. Candidates come from the 3x3 grid
 * cells around the member, the nearest are picked with a bounded heap, and every buffer is reused: an update
 * allocates nothing once the room's size has settled.
 */
export class AvatarInterest {
  private readonly seen = new Map<string, Seen>();
  /** Each member in some view or in the room gets a slot, kept while either holds. */
  private readonly slotOf = new Map<Member, number>();
  private slotMember: (Member | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Per slot: how many views hold it; the update it was last found in the room; marks for one client's diff. */
  private viewers = new Int32Array(64);
  private presentIn = new Float64Array(64);
  private heldMark = new Float64Array(64);
  private keptMark = new Float64Array(64);
  /** Per slot: its index in this update's snapshot. */
  private indexOfSlot = new Int32Array(64);
  private marks = 0;
  private updates = 0;
  /** This update's snapshot of the room, in the members' own order (ties go to the earlier one, as a stable sort). */
  private count = 0;
  private xs = new Float64Array(64);
  private zs = new Float64Array(64);
  /** Per snapshot index: its ranking key for the client being refreshed. */
  private keys = new Float64Array(64);
  private slotAt = new Int32Array(64);
  private readonly grid = new SpatialGrid(CELL_M);
  private readonly nearest = new NearestHeap();
  private posesNow: ReadonlyMap<string, Pose> | undefined;
  private readonly collect = (member: Member, sessionId: string): void => {
    const pose = this.posesNow?.get(sessionId);
    if (!pose) return;
    const slot = this.slotFor(member);
    const i = this.count++;
    if (i >= this.xs.length) this.growSnapshot();
    this.xs[i] = pose.x;
    this.zs[i] = pose.z;
    this.slotAt[i] = slot;
    this.indexOfSlot[slot] = i;
    this.presentIn[slot] = this.updates;
  };

  /** Recomputes every client's visible set; adds and removes only the difference. */
  update(
    clients: Iterable<Client>,
    members: MapSchema<Member>,
    poses: ReadonlyMap<string, Pose>,
    limitFor: (client: Client) => number,
  ): void {
    this.updates += 1;
    this.count = 0;
    this.posesNow = poses;
    members.forEach(this.collect);
    this.posesNow = undefined;
    this.releaseDeparted();
    this.grid.build(this.xs, this.zs, this.count);
    for (const client of clients) {
      const own = members.get(client.sessionId);
      if (!own || !poses.has(client.sessionId)) continue;
      let seen = this.seen.get(client.sessionId);
      if (!seen) {
        seen = { slots: new Int32Array(16), count: 0 };
        this.seen.set(client.sessionId, seen);
      }
      if (!client.view) {
        client.view = new StateView();
        this.clear(seen);
      }
      this.refresh(client.view, seen, own, limitFor(client));
    }
  }

  /** The client left: forget what it saw. */
  forget(client: Client): void {
    const seen = this.seen.get(client.sessionId);
    if (seen) this.clear(seen);
    this.seen.delete(client.sessionId);
    client.view?.dispose();
  }

  /** The member left the room: no view holds it any more. */
  drop(member: Member): void {
    const slot = this.slotOf.get(member);
    if (slot === undefined) return;
    for (const seen of this.seen.values()) {
      for (let k = 0; k < seen.count; k++) {
        if (seen.slots[k] !== slot) continue;
        seen.slots[k] = seen.slots[--seen.count] as number;
        break;
      }
    }
    this.release(slot);
  }

  /** One client's view: its own avatar and the nearest others, by hysteresis-adjusted distance. */
  private refresh(view: StateView, seen: Seen, own: Member, limit: number): void {
    const mark = ++this.marks;
    for (let k = 0; k < seen.count; k++) this.heldMark[seen.slots[k] as number] = mark;
    const ownSlot = this.slotOf.get(own) as number;
    const ownIndex = this.indexOfSlot[ownSlot] as number;
    const nearest = this.nearest;
    nearest.reset(limit, this.keys);
    if (limit === Number.POSITIVE_INFINITY) {
      for (let j = 0; j < this.count; j++) if (j !== ownIndex) nearest.offer(j);
    } else if (limit > 0) {
      this.offerNeighbours(ownIndex, mark);
    }
    this.keptMark[ownSlot] = mark;
    for (let k = 0; k < nearest.size; k++) this.keptMark[this.slotAt[nearest.indexAt(k)] as number] = mark;
    for (let k = 0; k < seen.count; k++) {
      const slot = seen.slots[k] as number;
      if (this.keptMark[slot] === mark) continue;
      view.remove(this.slotMember[slot] as Member);
      this.unview(slot);
    }
    if (seen.slots.length < nearest.size + 1) seen.slots = new Int32Array((nearest.size + 1) * 2);
    seen.count = 0;
    this.keep(view, seen, ownSlot, mark);
    for (let k = 0; k < nearest.size; k++)
      this.keep(view, seen, this.slotAt[nearest.indexAt(k)] as number, mark);
  }

  /** Offers everyone in the 3x3 cells around the member who stands close enough (further when already held). */
  private offerNeighbours(ownIndex: number, mark: number): void {
    const { grid, xs, zs, keys, nearest } = this;
    const ax = xs[ownIndex] as number;
    const az = zs[ownIndex] as number;
    const col = grid.cellX(ax);
    const row = grid.cellZ(az);
    for (let r = Math.max(0, row - 1); r <= Math.min(grid.rows - 1, row + 1); r++) {
      for (let c = Math.max(0, col - 1); c <= Math.min(grid.cols - 1, col + 1); c++) {
        const cell = r * grid.cols + c;
        const end = grid.cellStart[cell + 1] as number;
        for (let n = grid.cellStart[cell] as number; n < end; n++) {
          const j = grid.items[n] as number;
          if (j === ownIndex) continue;
          // planarLength (shared/movement.ts: Math.hypot to the bit) written out: a call would box its numbers.
          const dx = Math.abs((xs[j] as number) - ax);
          const dz = Math.abs((zs[j] as number) - az);
          const max = Math.max(dx, dz);
          let distance = max;
          if (dx === Number.POSITIVE_INFINITY || dz === Number.POSITIVE_INFINITY)
            distance = Number.POSITIVE_INFINITY;
          else if (max > 0) {
            const a = dx / max;
            const b = dz / max;
            distance = Math.sqrt(a * a + b * b) * max;
          }
          const held = this.heldMark[this.slotAt[j] as number] === mark;
          if (distance <= (held ? VIEW_RADIUS_M + KEEP_BONUS_M : VIEW_RADIUS_M)) {
            keys[j] = held ? distance - KEEP_BONUS_M : distance;
            nearest.offer(j);
          }
        }
      }
    }
  }

  /** Puts a kept slot in the client's list, adding it to the view when it was not held before. */
  private keep(view: StateView, seen: Seen, slot: number, mark: number): void {
    seen.slots[seen.count++] = slot;
    if (this.heldMark[slot] === mark) return;
    view.add(this.slotMember[slot] as Member);
    this.viewers[slot] = (this.viewers[slot] as number) + 1;
  }

  private clear(seen: Seen): void {
    for (let k = 0; k < seen.count; k++) this.unview(seen.slots[k] as number);
    seen.count = 0;
  }

  private unview(slot: number): void {
    this.viewers[slot] = (this.viewers[slot] as number) - 1;
    if (this.viewers[slot] === 0 && this.presentIn[slot] !== this.updates) this.release(slot);
  }

  private slotFor(member: Member): number {
    const known = this.slotOf.get(member);
    if (known !== undefined) return known;
    const slot = this.freeSlots.pop() ?? this.slotMember.length;
    if (slot >= this.viewers.length) this.growSlots(slot + 1);
    this.slotMember[slot] = member;
    this.slotOf.set(member, slot);
    this.viewers[slot] = 0;
    this.heldMark[slot] = 0;
    this.keptMark[slot] = 0;
    return slot;
  }

  /** Members gone from the room without a `drop` (and in no view) give their slot back. */
  private releaseDeparted(): void {
    for (let slot = 0; slot < this.slotMember.length; slot++)
      if (
        this.slotMember[slot] !== undefined &&
        this.presentIn[slot] !== this.updates &&
        this.viewers[slot] === 0
      )
        this.release(slot);
  }

  private release(slot: number): void {
    const member = this.slotMember[slot];
    if (member === undefined) return;
    this.slotOf.delete(member);
    this.slotMember[slot] = undefined;
    this.viewers[slot] = 0;
    this.presentIn[slot] = -1;
    this.freeSlots.push(slot);
  }

  private growSlots(needed: number): void {
    const size = Math.max(needed, this.viewers.length * 2);
    this.viewers = grown(this.viewers, size);
    this.presentIn = grown(this.presentIn, size);
    this.heldMark = grown(this.heldMark, size);
    this.keptMark = grown(this.keptMark, size);
    this.indexOfSlot = grown(this.indexOfSlot, size);
  }

  private growSnapshot(): void {
    const size = this.xs.length * 2;
    this.xs = grown(this.xs, size);
    this.zs = grown(this.zs, size);
    this.keys = grown(this.keys, size);
    this.slotAt = grown(this.slotAt, size);
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
}
