import { type Client, Room, ServerError, validate } from '@colyseus/core';
import { loungeColliders, WALK_SPEED } from '../../shared/content/lounge-layout.ts';
import { type Pose, type Steering, stepAvatar } from '../../shared/movement.ts';
import {
  headingToWire,
  POSE_KEYFRAME_TICKS,
  positionToWire,
  VIEW_UPDATE_TICKS,
  VISIBLE_AVATARS,
} from '../../shared/netcode.ts';
import { JoinErrorCode, JoinOptions } from '../../shared/protocol/join.ts';
import type { EventServerMessages } from '../../shared/protocol/live-events.ts';
import {
  type ChatLine,
  ChatSend,
  EmoteSend,
  Interact,
  type LoungeServerMessages,
  MoveIntent,
  MoveTarget,
} from '../../shared/protocol/lounge-messages.ts';
import { LoungeState, Member } from '../../shared/state/LoungeState.ts';
import { type ResolvedSession, resolveSession } from '../auth/sessions.ts';
import { EMOTE_DURATION_MS, spawnPose, tierForSession } from '../domain/lounge-members.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { MemberFeed, type MemberMessage } from '../members/member-channel.ts';
import { LoungeQuestEvents } from '../quests/lounge-events.ts';
import { services } from '../services.ts';
import { AvatarInterest } from './avatar-interest.ts';

export interface LoungeAuth {
  memberId: string;
  name: string;
  tier: string;
  /** The member's wallet, or null for a guest. */
  address: string | null;
}

/** Lounges and event halls share a client type; only halls send the event messages. */
export type LoungeClient = Client<{ auth: LoungeAuth; messages: LoungeServerMessages & EventServerMessages }>;

/** How long a dropped member may reconnect into the same seat, in seconds. */
export const RECONNECT_SECONDS = 20;

/** Close codes of a connection lost on the way (going away, no status, abnormal, may-try-reconnect). */
const NETWORK_DROP_CODES = new Set([1001, 1005, 1006, 4010]);

/** How long a member's place is kept for their return. */
const RETURN_POSE_MS = 60_000;

/** Server ticks per second; movement is integrated at this fixed step. */
export const LOUNGE_TICK_RATE = 20;

/** The public lounge: validates inputs, integrates movement, relays chat and emotes. Logic lives in shared/ and domain/. */
export class LoungeRoom extends Room<{ state: LoungeState; client: LoungeClient }> {
  override maxMessagesPerSecond = 30;
  override state = new LoungeState();

  private readonly steering = new Map<string, Steering>();
  /** Full-precision poses; the state carries quantised keyframes of these (shared/netcode.ts). */
  protected readonly poses = new Map<string, Pose>();
  /** Sessions whose steering changed: their next pose goes out at once, not at the next keyframe. */
  private readonly urgent = new Set<string>();
  private readonly keyframePhase = new Map<string, number>();
  private readonly interest = new AvatarInterest();
  private ticks = 0;
  private joins = 0;
  /** Where members who just left stood, so a quick return (a reseat after linking a wallet) keeps their place. */
  private readonly lastPoses = new Map<string, { x: number; z: number; heading: number; at: number }>();
  /** Sessions whose socket broke the protocol (an oversized frame): their drop is final, not a lost network. */
  private readonly protocolOffenders = new Set<string>();
  private readonly emoteUntil = new Map<string, number>();
  private readonly chatLimiter = new KeyedRateLimiter(5, 1);
  private readonly emoteLimiter = new KeyedRateLimiter(3, 1);
  private chatSeq = 0;
  protected readonly questEvents = new LoungeQuestEvents(
    () => this.roomName,
    (memberId, snapshot, earned, prizes) => {
      this.sendToMember(memberId, { type: 'quests', payload: snapshot });
      for (const stamp of earned) this.sendToMember(memberId, { type: 'stampEarned', payload: stamp });
      for (const prize of prizes) this.sendToMember(memberId, { type: 'prizeWon', payload: prize });
    },
  );
  /** What other processes and rooms (the oracle, games) send our seated members. */
  private readonly memberFeed = new MemberFeed((memberId, message) => this.sendToMember(memberId, message));

  override messages = this.loungeMessages();

  /** The lounge's own messages; halls add theirs to these. */
  protected loungeMessages() {
    return {
      move: validate(MoveIntent, (client, input) => {
        const still = input.x === 0 && input.z === 0;
        this.steer(client.sessionId, still ? null : { kind: 'intent', x: input.x, z: input.z });
      }),
      moveTo: validate(MoveTarget, (client, target) => {
        this.steer(client.sessionId, { kind: 'target', x: target.x, z: target.z });
      }),
      chat: validate(ChatSend, (client, message) => this.relayChat(client as LoungeClient, message.text)),
      emote: validate(EmoteSend, (client, message) => {
        const member = this.state.members.get(client.sessionId);
        if (!member || !this.maySpeak(client as LoungeClient)) return;
        if (!this.emoteLimiter.take(client.sessionId, Date.now())) return;
        member.emote = message.emote;
        member.emoteSeq = (member.emoteSeq + 1) % 65536;
        this.emoteUntil.set(client.sessionId, Date.now() + EMOTE_DURATION_MS);
        this.questEvents.emoted(this.avatar(client.sessionId, member), message.emote, this.avatars());
      }),
      interact: validate(Interact, (client, message) => {
        const member = this.state.members.get(client.sessionId);
        if (member) this.questEvents.interacted(this.avatar(client.sessionId, member), message.objectId);
      }),
    };
  }

  override onCreate(options: { capacity?: number }): void {
    this.maxClients = options.capacity ?? services().config.loungeCapacity;
    this.setFixedTimestep((ctx) => this.step(ctx.dt), LOUNGE_TICK_RATE);
    // Patches go out at the end of each fixed step (below), not on a second timer of their own: a change of course
    // reaches clients in the same tick it is integrated.
    this.patchRate = null;
  }

  override async onAuth(client: Client, options: unknown): Promise<LoungeAuth> {
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    const session = await resolveSession(services().ledger.db, parsed.data.token);
    if (!session) throw new ServerError(JoinErrorCode.sessionExpired, 'sessionExpired');
    await this.admit(client, session);
    return {
      memberId: session.member.id,
      name: session.member.displayName,
      tier: tierForSession(session.kind),
      address: session.member.address,
    };
  }

  /** Hook after the session is known, before the seat is given: gated rooms check ownership here. */
  protected async admit(_client: Client, _session: ResolvedSession): Promise<void> {}

  /** Whether a member may chat and emote; the event hall says no to members the host muted. */
  protected maySpeak(_client: LoungeClient): boolean {
    return true;
  }

  /** How many other avatars a client receives (the nearest); the event hall's hosts see everyone. */
  protected visibleLimit(_client: LoungeClient): number {
    return VISIBLE_AVATARS;
  }

  /** Where a member stands now, at full precision (undefined when not in this room). */
  poseOfMember(memberId: string): Pose | undefined {
    for (const [sessionId, member] of this.state.members)
      if (member.id === memberId) return this.poses.get(sessionId);
    return undefined;
  }

  /** Where a newcomer appears. */
  protected spawn(): Pose {
    return spawnPose(Math.random);
  }

  override onJoin(client: LoungeClient): void {
    const auth = client.auth;
    if (!auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    // ws reports an oversized frame as an 'error' on the socket, then closes it like a lost connection (1006).
    client.ref.once('error', () => this.protocolOffenders.add(client.sessionId));
    // Someone back within a minute (a guest who just linked a wallet, a reload) stands where they left.
    const last = this.lastPoses.get(auth.memberId);
    this.lastPoses.delete(auth.memberId);
    const pose = last && Date.now() - last.at < RETURN_POSE_MS ? last : this.spawn();
    const member = new Member();
    member.id = auth.memberId;
    member.name = auth.name;
    member.tier = auth.tier;
    this.poses.set(client.sessionId, { x: pose.x, z: pose.z, heading: pose.heading });
    writePose(member, pose);
    this.keyframePhase.set(client.sessionId, this.joins++ % POSE_KEYFRAME_TICKS);
    this.state.members.set(client.sessionId, member);
    this.state.population = this.state.members.size;
    // The newcomer sees the room at once; the room sees the newcomer at the next 5 Hz view update.
    this.interest.update([client], this.state.members, this.poses, (c) =>
      this.visibleLimit(c as LoungeClient),
    );
    void this.memberFeed.add(auth.memberId);
    this.questEvents.joined(auth.memberId, auth.address);
  }

  /** A reconnected client has a fresh connection and no view yet: give it one at once, before its state resync. */
  override onReconnect(client: LoungeClient): void {
    this.interest.update([client], this.state.members, this.poses, (c) =>
      this.visibleLimit(c as LoungeClient),
    );
  }

  /** A dropped connection keeps its avatar (standing still) for a while, so the SDK's reconnect finds its seat. */
  override onDrop(client: LoungeClient, code?: number): void {
    // Only a lost network gets a second chance; a sender dropped for bad input or an oversized frame is gone.
    const offended = this.protocolOffenders.delete(client.sessionId);
    if (offended || (code !== undefined && !NETWORK_DROP_CODES.has(code))) {
      this.onLeave(client);
      return;
    }
    this.steering.delete(client.sessionId);
    // On timeout Colyseus calls onLeave itself, which frees the avatar.
    this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override onLeave(client: LoungeClient): void {
    const leaving = this.state.members.get(client.sessionId);
    const pose = this.poses.get(client.sessionId);
    if (client.auth && leaving) {
      this.memberFeed.remove(client.auth.memberId);
      if (pose) this.rememberPose(client.auth.memberId, pose);
    }
    if (leaving) this.interest.drop(leaving);
    this.interest.forget(client);
    this.protocolOffenders.delete(client.sessionId);
    this.state.members.delete(client.sessionId);
    this.state.population = this.state.members.size;
    this.poses.delete(client.sessionId);
    this.urgent.delete(client.sessionId);
    this.keyframePhase.delete(client.sessionId);
    this.steering.delete(client.sessionId);
    this.emoteUntil.delete(client.sessionId);
    this.questEvents.left(client.sessionId);
  }

  // Writes queued before shutdown finish before the ledger closes.
  override async onDispose(): Promise<void> {
    this.memberFeed.dispose();
    await this.questEvents.drain();
  }

  private rememberPose(memberId: string, at: Pose): void {
    const now = Date.now();
    for (const [id, pose] of this.lastPoses) if (now - pose.at >= RETURN_POSE_MS) this.lastPoses.delete(id);
    this.lastPoses.set(memberId, { x: at.x, z: at.z, heading: at.heading, at: now });
  }

  private steer(sessionId: string, next: Steering): void {
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

  private avatar(sessionId: string, member: Member): { id: string; x: number; z: number } {
    const pose = this.poses.get(sessionId);
    return { id: member.id, x: pose?.x ?? 0, z: pose?.z ?? 0 };
  }

  private avatars(): { id: string; x: number; z: number }[] {
    return [...this.state.members].map(([sessionId, member]) => this.avatar(sessionId, member));
  }

  protected sendToMember(memberId: string, message: MemberMessage): void {
    for (const client of this.clients) {
      if (client.auth?.memberId === memberId) client.send(message.type, message.payload);
    }
    if (message.type !== 'quests') return;
    for (const member of this.state.members.values()) {
      if (member.id === memberId && member.status !== message.payload.status.level)
        member.status = message.payload.status.level;
    }
  }

  private relayChat(client: LoungeClient, text: string): void {
    const member = this.state.members.get(client.sessionId);
    if (!member || !this.maySpeak(client)) return;
    if (!this.chatLimiter.take(client.sessionId, Date.now())) {
      client.send('notice', { code: 'chatRateLimited' });
      return;
    }
    this.chatSeq += 1;
    const line: ChatLine = {
      id: `${this.roomId}:${this.chatSeq}`,
      memberId: member.id,
      name: member.name,
      text,
      at: Date.now(),
    };
    this.broadcast('chat', line);
    this.questEvents.chatted(member);
  }

  protected step(dt: number): void {
    const now = Date.now();
    this.ticks += 1;
    for (const [sessionId, member] of this.state.members) {
      const until = this.emoteUntil.get(sessionId);
      if (until !== undefined && now >= until) {
        member.emote = '';
        this.emoteUntil.delete(sessionId);
      }
      const pose = this.poses.get(sessionId);
      if (!pose) continue;
      const steering = this.steering.get(sessionId);
      if (steering) {
        const result = stepAvatar(pose, steering, dt, WALK_SPEED, loungeColliders);
        pose.x = result.pose.x;
        pose.z = result.pose.z;
        pose.heading = result.pose.heading;
        if (!result.moving && steering.kind === 'target') {
          this.steering.set(sessionId, null);
          this.urgent.add(sessionId);
        }
      }
      // A change of course goes out at once; a steady walk as keyframes, staggered across members.
      const keyframe =
        steering && (this.ticks + (this.keyframePhase.get(sessionId) ?? 0)) % POSE_KEYFRAME_TICKS === 0;
      if (this.urgent.delete(sessionId) || keyframe) writePose(member, pose);
      _avatar.id = member.id;
      _avatar.x = pose.x;
      _avatar.z = pose.z;
      this.questEvents.observe(sessionId, _avatar);
    }
    if (this.ticks % VIEW_UPDATE_TICKS === 0)
      this.interest.update(this.clients, this.state.members, this.poses, (c) =>
        this.visibleLimit(c as LoungeClient),
      );
    this.broadcastPatch();
  }
}

/** Scratch avatar handed to the quest observer each tick (it keeps nothing of it), so the tick allocates nothing. */
const _avatar = { id: '', x: 0, z: 0 };

/** Writes a pose onto the state, quantised; unchanged fields send nothing. */
function writePose(member: Member, pose: Pose): void {
  const x = positionToWire(pose.x);
  const z = positionToWire(pose.z);
  const heading = headingToWire(pose.heading);
  if (member.x !== x) member.x = x;
  if (member.z !== z) member.z = z;
  if (member.heading !== heading) member.heading = heading;
}
