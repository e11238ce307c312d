import { randomUUID } from 'node:crypto';
import type { Client, Presence, RegisteredHandler, Room } from '@colyseus/core';

/** Rooms one member, and one client address (its per-IP key), may hold at once: MAX_ROOMS_PER_MEMBER / _PER_IP. */
export interface RoomCaps {
  perMember: number;
  perIp: number;
}

/** One seat counted against a member and an address, from its reservation until its client leaves the room. */
export interface RoomLease {
  id: string;
  memberId: string;
  ipKey: string;
}

/** A reservation counts this long unless its client arrives: Colyseus' seat reservation time (15 s) and a margin. */
const PENDING_MS = 20_000;
/** A seated client's lease is refreshed by the process holding its room; one left by a crashed process runs out. */
const HELD_MS = 30_000;
const REFRESH_MS = 10_000;

const memberSet = (memberId: string) => `door:rooms:member:${memberId}`;
const ipSet = (ipKey: string) => `door:rooms:ip:${ipKey}`;
const seatKey = (sessionId: string) => `door:seat:${sessionId}`;

/** Rooms a member holds now (seated or reserved) across every process: what MAX_ROOMS_PER_MEMBER counts. */
export async function roomsHeldByMember(
  presence: Presence,
  memberId: string,
  now = Date.now(),
): Promise<number> {
  const leases: Record<string, string> = (await presence.hgetall(memberSet(memberId))) ?? {};
  return Object.values(leases).filter((expiresAt) => Number(expiresAt) > now).length;
}

/**
 * A seat whose join was refused (onAuth threw): its pending lease is released at once, or a member refused at a
 * gated door three times would be locked out of every room until the leases ran out.
 */
export async function releaseRefusedSeat(presence: Presence, sessionId: string): Promise<void> {
  const stored: unknown = await presence.get(seatKey(sessionId));
  if (typeof stored !== 'string') return;
  const lease = JSON.parse(stored) as RoomLease;
  await Promise.all([
    presence.del(seatKey(sessionId)),
    presence.hdel(memberSet(lease.memberId), lease.id),
    presence.hdel(ipSet(lease.ipKey), lease.id),
  ]);
}

/**
 * Counts the rooms each member and each address holds, across processes (presence hashes of lease id -> expiry), so
 * one token or one address cannot open hundreds of rooms; a lease whose holder died expires instead of locking out.
 */
export class RoomLeases {
  private readonly held = new Map<string, { lease: RoomLease; roomId: string }>();
  /** Clients whose lease is being looked up, and those of them that left meanwhile. */
  private readonly arriving = new Set<string>();
  private readonly leftWhileArriving = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly presence: Presence,
    private readonly caps: RoomCaps,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.refreshHeld(), REFRESH_MS);
    this.timer.unref();
  }

  /** Takes a lease before a seat is reserved; which cap refused it otherwise. Add first, then count: race-free. */
  async claim(memberId: string, ipKey: string): Promise<RoomLease | 'member' | 'ip'> {
    const lease: RoomLease = { id: randomUUID(), memberId, ipKey };
    await this.write(lease, this.now() + PENDING_MS);
    const [members, addresses] = await Promise.all([
      this.liveCount(memberSet(memberId)),
      this.liveCount(ipSet(ipKey)),
    ]);
    if (members <= this.caps.perMember && addresses <= this.caps.perIp) return lease;
    await this.release(lease);
    return members > this.caps.perMember ? 'member' : 'ip';
  }

  /** Ties a lease to the reserved seat's session id, where the room's process finds it when the client arrives. */
  async seat(lease: RoomLease, sessionId: string): Promise<void> {
    await this.presence.setex(seatKey(sessionId), JSON.stringify(lease), Math.ceil(PENDING_MS / 1000));
  }

  async release(lease: RoomLease): Promise<void> {
    await Promise.all([
      this.presence.hdel(memberSet(lease.memberId), lease.id),
      this.presence.hdel(ipSet(lease.ipKey), lease.id),
    ]);
  }

  /** Follows Colyseus' room-type events: a client's arrival holds its lease, its final leave releases it. */
  observe(handlers: Readonly<Record<string, RegisteredHandler>>): () => void {
    const joined = (room: Room, client: Client) => void this.arrived(room.roomId, client.sessionId);
    const left = (_room: Room, client: Client) => void this.left(client.sessionId);
    const disposed = (room: Room) => {
      for (const [sessionId, seat] of this.held) if (seat.roomId === room.roomId) void this.left(sessionId);
    };
    for (const handler of Object.values(handlers)) {
      handler.on('join', joined);
      handler.on('leave', left);
      handler.on('dispose', disposed);
    }
    return () => {
      for (const handler of Object.values(handlers)) {
        handler.off('join', joined);
        handler.off('leave', left);
        handler.off('dispose', disposed);
      }
    };
  }

  /** Stops refreshing and releases every lease this process holds (its rooms are going away). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const leases = [...this.held.values()].map((seat) => seat.lease);
    this.held.clear();
    await Promise.all(leases.map((lease) => this.release(lease))).catch(() => undefined);
  }

  private async arrived(roomId: string, sessionId: string): Promise<void> {
    this.arriving.add(sessionId);
    let stored: unknown;
    try {
      stored = await this.presence.get(seatKey(sessionId));
    } finally {
      this.arriving.delete(sessionId);
    }
    const alreadyLeft = this.leftWhileArriving.delete(sessionId);
    if (typeof stored !== 'string') return;
    const lease = JSON.parse(stored) as RoomLease;
    this.presence.del(seatKey(sessionId));
    if (alreadyLeft) return this.release(lease);
    this.held.set(sessionId, { lease, roomId });
    await this.write(lease, this.now() + HELD_MS);
  }

  private async left(sessionId: string): Promise<void> {
    if (this.arriving.has(sessionId)) this.leftWhileArriving.add(sessionId);
    const seat = this.held.get(sessionId);
    if (!seat) return;
    this.held.delete(sessionId);
    await this.release(seat.lease);
  }

  private async refreshHeld(): Promise<void> {
    const expiresAt = this.now() + HELD_MS;
    await Promise.all([...this.held.values()].map((seat) => this.write(seat.lease, expiresAt))).catch(
      () => undefined,
    );
  }

  private async write(lease: RoomLease, expiresAt: number): Promise<void> {
    const ttlSeconds = Math.ceil((HELD_MS * 2) / 1000);
    await Promise.all(
      [memberSet(lease.memberId), ipSet(lease.ipKey)].map(async (key) => {
        await this.presence.hset(key, lease.id, String(expiresAt));
        await this.presence.expire(key, ttlSeconds);
      }),
    );
  }

  /** Leases still running under a key; expired ones (a crashed holder, a seat never taken) are dropped. */
  private async liveCount(key: string): Promise<number> {
    const leases: Record<string, string> = (await this.presence.hgetall(key)) ?? {};
    const now = this.now();
    let live = 0;
    for (const [id, expiresAt] of Object.entries(leases)) {
      if (Number(expiresAt) > now) live++;
      else void this.presence.hdel(key, id);
    }
    return live;
  }
}
