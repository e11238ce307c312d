import type { Client } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import { StateView } from '@colyseus/schema';
import type { Pose } from '../../../shared/movement.ts';
import { VIEW_RADIUS_M } from '../../../shared/netcode.ts';
import type { Member } from '../../../shared/state/LoungeState.ts';

/** An avatar already in a view keeps its place against newcomers up to this much nearer, so the edge does not flicker. */
const KEEP_BONUS_M = 3;

/**
 * Interest management: each client's StateView holds its own avatar and the nearest others (at most `limit`, within
 * VIEW_RADIUS_M), so a crowded room costs each member only what is around them.
 */
export class AvatarInterest {
  private readonly seen = new Map<string, Set<Member>>();
  private readonly nearby: { member: Member; distance: number }[] = [];

  /** Recomputes every client's visible set; adds and removes only the difference. */
  update(
    clients: Iterable<Client>,
    members: MapSchema<Member>,
    poses: ReadonlyMap<string, Pose>,
    limitFor: (client: Client) => number,
  ): void {
    for (const client of clients) {
      const own = members.get(client.sessionId);
      const at = poses.get(client.sessionId);
      if (!own || !at) continue;
      if (!client.view) {
        client.view = new StateView();
        this.seen.delete(client.sessionId);
      }
      const view = client.view;
      const limit = limitFor(client);
      const before = this.seen.get(client.sessionId) ?? new Set<Member>();
      this.nearby.length = 0;
      for (const [sessionId, member] of members) {
        if (sessionId === client.sessionId) continue;
        const pose = poses.get(sessionId);
        if (!pose) continue;
        const distance = Math.hypot(pose.x - at.x, pose.z - at.z);
        const held = before.has(member);
        if (
          distance <= (held ? VIEW_RADIUS_M + KEEP_BONUS_M : VIEW_RADIUS_M) ||
          limit === Number.POSITIVE_INFINITY
        )
          this.nearby.push({ member, distance: held ? distance - KEEP_BONUS_M : distance });
      }
      if (this.nearby.length > limit) this.nearby.sort((a, b) => a.distance - b.distance).length = limit;
      const after = new Set<Member>([own]);
      for (const { member } of this.nearby) after.add(member);
      for (const member of before) if (!after.has(member)) view.remove(member);
      for (const member of after) if (!before.has(member)) view.add(member);
      this.seen.set(client.sessionId, after);
    }
  }

  /** The client left: forget what it saw. */
  forget(client: Client): void {
    this.seen.delete(client.sessionId);
    client.view?.dispose();
  }

  /** The member left the room: no view holds it any more. */
  drop(member: Member): void {
    for (const seen of this.seen.values()) seen.delete(member);
  }
}
