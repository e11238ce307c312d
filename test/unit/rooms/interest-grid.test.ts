import type { Client } from '@colyseus/core';
import { MapSchema } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { AvatarInterest, KEEP_BONUS_M } from '../../../server/rooms/parts/avatar-interest.ts';
import type { Pose } from '../../../shared/movement.ts';
import { VIEW_RADIUS_M } from '../../../shared/netcode.ts';
import { Member } from '../../../shared/state/LoungeState.ts';

// The grid-based interest update against the brute force it replaced (kept here verbatim as the reference): the same
// members in every view after every update, on random crowds that move, join and leave, hysteresis and ties included.

/** The O(n^2) update as it was before the grid: every client against every member, a sort, a new Set each. */
class BruteForceInterest {
  private readonly seen = new Map<string, Set<Member>>();
  private readonly nearby: { member: Member; distance: number }[] = [];

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
      const view = client.view as NonNullable<Client['view']>;
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

  drop(member: Member): void {
    for (const seen of this.seen.values()) seen.delete(member);
  }

  forget(client: Client): void {
    this.seen.delete(client.sessionId);
  }
}

/** A view that records its members and refuses a redundant add or remove (the update sends only the difference). */
function recordingView(): { members: Set<Member>; view: NonNullable<Client['view']> } {
  const members = new Set<Member>();
  const view = {
    add(member: Member) {
      if (members.has(member)) throw new Error(`added twice: ${member.id}`);
      members.add(member);
      return true;
    },
    remove(member: Member) {
      if (!members.has(member)) throw new Error(`removed while absent: ${member.id}`);
      members.delete(member);
      return view;
    },
    dispose() {},
  };
  return { members, view: view as unknown as NonNullable<Client['view']> };
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Two interest parts fed the same room, each client with one recorded view per part. */
class Twin {
  readonly members = new MapSchema<Member>();
  readonly poses = new Map<string, Pose>();
  readonly grid = new AvatarInterest();
  readonly brute = new BruteForceInterest();
  readonly clients = new Map<
    string,
    { grid: Client; brute: Client; gridSeen: Set<Member>; bruteSeen: Set<Member> }
  >();
  readonly limits = new Map<string, number>();
  private next = 0;

  join(x: number, z: number, limit: number, withClient = true): string {
    const sessionId = `s${this.next++}`;
    const member = new Member();
    member.id = `m-${sessionId}`;
    this.members.set(sessionId, member);
    this.poses.set(sessionId, { x, z, heading: 0 });
    this.limits.set(sessionId, limit);
    if (!withClient) return sessionId;
    const a = recordingView();
    const b = recordingView();
    this.clients.set(sessionId, {
      grid: { sessionId, view: a.view } as unknown as Client,
      brute: { sessionId, view: b.view } as unknown as Client,
      gridSeen: a.members,
      bruteSeen: b.members,
    });
    return sessionId;
  }

  leave(sessionId: string): void {
    const member = this.members.get(sessionId);
    const client = this.clients.get(sessionId);
    if (member) {
      this.grid.drop(member);
      this.brute.drop(member);
    }
    if (client) {
      this.grid.forget(client.grid);
      this.brute.forget(client.brute);
    }
    this.clients.delete(sessionId);
    this.poses.delete(sessionId);
    this.members.delete(sessionId);
  }

  /** Updates both (all clients, or some) and checks every view holds the same members. */
  update(only?: string[]): void {
    const chosen = only
      ? only.map((id) => this.clients.get(id)).filter((c) => c !== undefined)
      : [...this.clients.values()];
    const limitFor = (client: Client) => this.limits.get(client.sessionId) ?? 0;
    this.grid.update(
      chosen.map((c) => c.grid),
      this.members,
      this.poses,
      limitFor,
    );
    this.brute.update(
      chosen.map((c) => c.brute),
      this.members,
      this.poses,
      limitFor,
    );
    for (const [sessionId, client] of this.clients) {
      const ids = (seen: Set<Member>) => [...seen].map((member) => member.id).sort();
      expect(ids(client.gridSeen), `view of ${sessionId}`).toEqual(ids(client.bruteSeen));
    }
  }
}

describe('grid interest against the brute force', () => {
  it('agrees on random crowds that walk, join and leave, in the lounge and on a wide floor', () => {
    for (const [seed, width, depth, size, limit] of [
      [1, 40, 28, 200, 100],
      [2, 40, 28, 60, 8],
      [3, 300, 200, 300, 20],
      [4, 120, 120, 150, 100],
    ] as const) {
      const random = lcg(seed);
      const twin = new Twin();
      const place = () => [(random() - 0.5) * width, (random() - 0.5) * depth] as const;
      for (let i = 0; i < size; i++) {
        const [x, z] = place();
        // Now and then a host who sees everyone, and a member whose client has dropped (no view, still in the room).
        twin.join(x, z, i % 37 === 5 ? Number.POSITIVE_INFINITY : limit, i % 23 !== 7);
      }
      twin.update();
      for (let round = 0; round < 25; round++) {
        for (const pose of twin.poses.values()) {
          pose.x += (random() - 0.5) * 8;
          pose.z += (random() - 0.5) * 8;
        }
        const ids = [...twin.members.keys()];
        for (let k = 0; k < 3; k++) twin.leave(ids[Math.floor(random() * ids.length)] as string);
        for (let k = 0; k < 3; k++) {
          const [x, z] = place();
          twin.join(x, z, limit);
        }
        // A newcomer's own refresh first (as on join), then everyone.
        twin.update([`s${size + round * 3}`]);
        twin.update();
      }
    }
  });

  it('keeps a held avatar up to radius + bonus, admits a new one only within the radius, edges exact', () => {
    const twin = new Twin();
    const me = twin.join(0, 0, 100);
    const edge = twin.join(VIEW_RADIUS_M, 0, 100);
    const beyond = twin.join(0, VIEW_RADIUS_M + 1e-9, 100);
    twin.update();
    const seen = () => [...(twin.clients.get(me)?.gridSeen ?? [])].map((member) => member.id);
    expect(seen()).toContain(`m-${edge}`);
    expect(seen()).not.toContain(`m-${beyond}`);
    (twin.poses.get(edge) as Pose).x = VIEW_RADIUS_M + KEEP_BONUS_M;
    twin.update();
    expect(seen()).toContain(`m-${edge}`);
    (twin.poses.get(edge) as Pose).x = VIEW_RADIUS_M + KEEP_BONUS_M + 1e-9;
    twin.update();
    expect(seen()).not.toContain(`m-${edge}`);
  });

  it('breaks ties at equal distance as the stable sort did (earlier member first), held ones preferred', () => {
    const twin = new Twin();
    const me = twin.join(0, 0, 3);
    // Eight members at exactly 5 m (3-4-5 triangles), then a held one 7 m away that beats a new one at 5 m.
    for (const [x, z] of [
      [3, 4],
      [4, 3],
      [5, 0],
      [0, 5],
      [-3, 4],
      [-4, -3],
      [0, -5],
      [3, -4],
    ] as const)
      twin.join(x, z, 3);
    twin.update();
    expect([...(twin.clients.get(me)?.gridSeen ?? [])].map((member) => member.id).sort()).toEqual(
      ['m-s0', 'm-s1', 'm-s2', 'm-s3'].sort(),
    );
    (twin.poses.get('s1') as Pose).x = 0;
    (twin.poses.get('s1') as Pose).z = 7;
    twin.update();
    expect([...(twin.clients.get(me)?.gridSeen ?? [])].map((member) => member.id)).toContain('m-s1');
  });

  it('handles a member far off the floor and a limit of zero', () => {
    const twin = new Twin();
    twin.join(0, 0, 0);
    twin.join(1, 1, 100);
    twin.join(1e7, -1e7, 100);
    twin.join(Number.NaN, 0, 100);
    twin.update();
  });
});
