import type { Client } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import { type LayoutBox, loungeColliders, WALK_SPEED } from '../../../shared/content/lounge-layout.ts';
import { type Pose, type Steering, stepAvatarInto } from '../../../shared/movement.ts';
import {
  headingToWire,
  POSE_KEYFRAME_TICKS,
  positionToWire,
  VIEW_UPDATE_TICKS,
} from '../../../shared/netcode.ts';
import type { Member } from '../../../shared/state/LoungeState.ts';
import { AvatarInterest } from './avatar-interest.ts';

/** What a step shows each avatar to after moving it (the quests observer). */
export type VisitAvatar = (sessionId: string, member: Member, pose: Pose) => void;

const skipVisit: VisitAvatar = () => {};

/** How long a member's place is kept for their return. */
const RETURN_POSE_MS = 60_000;

/**
 * Movement and interest of a room's avatars: steering in, fixed-step integration against the lounge's colliders,
 * quantised keyframes out, and each client's view of the nearest others.
 */
export class AvatarMotion {
  private readonly steering = new Map<string, Steering>();
  /** Full-precision poses; the state carries quantised keyframes of these (shared/netcode.ts). */
  private readonly poses = new Map<string, Pose>();
  /** Sessions whose steering changed: their next pose goes out at once, not at the next keyframe. */
  private readonly urgent = new Set<string>();
  private readonly keyframePhase = new Map<string, number>();
  private readonly interest = new AvatarInterest();
  /** Where members who just left stood, so a quick return (a reseat after linking a wallet) keeps their place. */
  private readonly lastPoses = new Map<string, Pose & { at: number }>();
  private ticks = 0;
  private joins = 0;
  private stepDt = 0;
  private visit: VisitAvatar = skipVisit;

  constructor(
    private readonly members: MapSchema<Member>,
    /** How many other avatars a client receives (the nearest). */
    private readonly visibleLimit: (client: Client) => number,
    /** What avatars bump into: the room's own layout (the VIP and the suite have theirs). */
    private readonly colliders: readonly LayoutBox[] = loungeColliders,
  ) {}

  /**
   * Places a newcomer: where the same member stands in an earlier seat (a reseat after linking a wallet joins before
   * the old seat leaves), else where they stood if back within a minute, else at `spawn()`.
   */
  place(sessionId: string, member: Member, spawn: () => Pose, now: number): void {
    const last = this.lastPoses.get(member.id);
    this.lastPoses.delete(member.id);
    const pose =
      this.liveSeatOf(member.id, sessionId) ?? (last && now - last.at < RETURN_POSE_MS ? last : spawn());
    this.poses.set(sessionId, { x: pose.x, z: pose.z, heading: pose.heading });
    writePose(member, pose);
    this.keyframePhase.set(sessionId, this.joins++ % POSE_KEYFRAME_TICKS);
  }

  /** Gives these clients their view at once (a newcomer, a reconnected client). */
  refreshViews(clients: Iterable<Client>): void {
    this.interest.update(clients, this.members, this.poses, this.visibleLimit);
  }

  steer(sessionId: string, next: Steering): void {
    const current = this.steering.get(sessionId) ?? null;
    const same =
      current === next ||
      (current !== null &&
        next !== null &&
        current.kind === next.kind &&
        current.x === next.x &&
        current.z === next.z);
    if (!same) this.urgent.add(sessionId);
    this.steering.set(sessionId, next);
  }

  /** A dropped client stands still while it may reconnect. */
  halt(sessionId: string): void {
    this.steering.delete(sessionId);
  }

  poseOf(sessionId: string): Pose | undefined {
    return this.poses.get(sessionId);
  }

  /** The member left the room: remember their place for a while, and take them out of every view. */
  remove(client: Client, member: Member | undefined, now: number): void {
    const pose = this.poses.get(client.sessionId);
    if (member && pose) this.remember(member.id, pose, now);
    if (member) this.interest.drop(member);
    this.interest.forget(client);
    this.poses.delete(client.sessionId);
    this.urgent.delete(client.sessionId);
    this.keyframePhase.delete(client.sessionId);
    this.steering.delete(client.sessionId);
  }

  /** One fixed step: integrates every steered avatar and writes the poses due; `visit` sees each avatar after. */
  step(dt: number, clients: Iterable<Client>, visit: VisitAvatar): void {
    this.ticks += 1;
    this.stepDt = dt;
    this.visit = visit;
    this.members.forEach(this.stepMember);
    this.visit = skipVisit;
    if (this.ticks % VIEW_UPDATE_TICKS === 0) this.refreshViews(clients);
  }

  /** One member's part of `step`; bound once, so the step allocates no closure per member. */
  private readonly stepMember = (member: Member, sessionId: string): void => {
    const pose = this.poses.get(sessionId);
    if (!pose) return;
    const steering = this.steering.get(sessionId);
    if (steering) {
      const moving = stepAvatarInto(pose, pose, steering, this.stepDt, WALK_SPEED, this.colliders);
      if (!moving && steering.kind === 'target') {
        this.steering.set(sessionId, null);
        this.urgent.add(sessionId);
      }
    }
    // A change of course goes out at once; a steady walk as keyframes, staggered across members.
    const keyframe =
      steering && (this.ticks + (this.keyframePhase.get(sessionId) ?? 0)) % POSE_KEYFRAME_TICKS === 0;
    if (this.urgent.delete(sessionId) || keyframe) writePose(member, pose);
    this.visit(sessionId, member, pose);
  };

  /** The pose of another seat this member still holds in the room, if any. */
  private liveSeatOf(memberId: string, sessionId: string): Pose | undefined {
    for (const [other, seated] of this.members)
      if (other !== sessionId && seated.id === memberId) {
        const pose = this.poses.get(other);
        if (pose) return pose;
      }
    return undefined;
  }

  private remember(memberId: string, at: Pose, now: number): void {
    for (const [id, pose] of this.lastPoses) if (now - pose.at >= RETURN_POSE_MS) this.lastPoses.delete(id);
    this.lastPoses.set(memberId, { x: at.x, z: at.z, heading: at.heading, at: now });
  }
}

/** Writes a pose onto the state, quantised; unchanged fields send nothing. */
function writePose(member: Member, pose: Pose): void {
  const x = positionToWire(pose.x);
  const z = positionToWire(pose.z);
  const heading = headingToWire(pose.heading);
  if (member.x !== x) member.x = x;
  if (member.z !== z) member.z = z;
  if (member.heading !== heading) member.heading = heading;
}
