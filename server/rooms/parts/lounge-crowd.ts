import type { Client, Deferred } from '@colyseus/core';
import { type LoungeLayout, loungeLayout } from '../../../shared/content/lounge-layout.ts';
import { collidersOf } from '../../../shared/content/room-layouts.ts';
import { DRINK_BURST, DRINK_INTERVAL_MS, type Drink } from '../../../shared/content/vip-bar.ts';
import type { Pose } from '../../../shared/movement.ts';
import { VISIBLE_AVATARS } from '../../../shared/netcode.ts';
import { LeaveCode } from '../../../shared/protocol/join.ts';
import type { ChatLine, Emote } from '../../../shared/protocol/lounge-messages.ts';
import { type LoungeState, Member } from '../../../shared/state/LoungeState.ts';
import { ActiveDays } from '../../analytics/member-days.ts';
import type { AdmittedMember } from '../../auth/admission.ts';
import type { AppContext } from '../../context.ts';
import { spawnPose } from '../../domain/lounge-members.ts';
import { buildZoneIndex } from '../../domain/lounge-zones.ts';
import { orderDrink } from '../../domain/vip-bar.ts';
import { lookAtJoin } from '../../members/avatar-look.ts';
import { isRecheck, MemberFeed, type MemberMessage } from '../../members/member-channel.ts';
import { LoungeQuestEvents } from '../../quests/lounge-events.ts';
import { AvatarMotion } from './avatar-motion.ts';
import { ChatEmotes } from './chat-emotes.ts';
import { memberLimiter, ROOM_LIMITS } from './member-limits.ts';
import { recheckClient, recheckMember } from './member-recheck.ts';
import { isNetworkDrop } from './network-drop.ts';

/** A client of any room with avatars; its auth is what admission let in. */
export type CrowdClient = Client<{ auth: AdmittedMember }>;

/** What the crowd needs of the room that owns it. */
export interface CrowdRoom {
  readonly state: Pick<LoungeState, 'members' | 'population'>;
  clients(): Iterable<CrowdClient>;
  roomId(): string;
  roomName(): string;
  broadcastChat(line: ChatLine): void;
}

/** How a kind of room varies the crowd: its floor plan, where newcomers stand, who may speak, how far each sees. */
export interface CrowdRules {
  /** What avatars collide with and which zones count (the VIP and the suite have their own plan). */
  layout: LoungeLayout;
  spawn: () => Pose;
  maySpeak: (client: CrowdClient) => boolean;
  visibleLimit: (client: CrowdClient) => number;
}

const LOUNGE_RULES: CrowdRules = {
  layout: loungeLayout,
  spawn: () => spawnPose(Math.random),
  maySpeak: () => true,
  visibleLimit: () => VISIBLE_AVATARS,
};

/**
 * The members of a room with avatars, as parts it owns: movement and interest, chat and emotes, the quests observer
 * and each member's feed. Lounges, gated lounges and event halls each own one and forward their lifecycle to it.
 */
export class LoungeCrowd {
  readonly motion: AvatarMotion;
  readonly chat: ChatEmotes;
  readonly questEvents: LoungeQuestEvents;
  private readonly memberFeed: MemberFeed;
  private readonly rules: CrowdRules;
  /** Sessions whose socket broke the protocol (an oversized frame): their drop is final, not a lost network. */
  private readonly protocolOffenders = new Set<string>();
  /** Dropped clients Colyseus holds a seat for: rejecting one ends its wait (onLeave follows). */
  private readonly awaitingReconnection = new Map<string, { reject: (reason?: unknown) => void }>();
  /** Scratch avatar handed to the quest observer each tick (it keeps nothing of it), so the tick allocates nothing. */
  private readonly scratch = { id: '', x: 0, z: 0 };
  /** The step's time on the app clock, read once per tick and handed to the quests observer for every avatar. */
  private tickNow = 0;
  /** The member's active day for program analytics, written once per day. */
  private readonly activeDays: ActiveDays;
  /** Drinks each member may order at a bar: a small burst, then one every few seconds (per process). */
  private readonly drinks: ReturnType<typeof memberLimiter>;

  constructor(
    private readonly ctx: AppContext,
    private readonly room: CrowdRoom,
    rules: Partial<CrowdRules> = {},
  ) {
    this.rules = { ...LOUNGE_RULES, ...rules };
    this.activeDays = new ActiveDays(ctx);
    const { members } = room.state;
    this.drinks = memberLimiter(ctx, {
      name: 'drink',
      capacity: DRINK_BURST,
      perSecond: 1000 / DRINK_INTERVAL_MS,
    });
    this.motion = new AvatarMotion(
      members,
      (client) => this.rules.visibleLimit(client as CrowdClient),
      collidersOf(this.rules.layout),
    );
    this.chat = new ChatEmotes({
      members,
      roomId: room.roomId,
      broadcastChat: (line) => room.broadcastChat(line),
      maySpeak: (client) => this.rules.maySpeak(client as CrowdClient),
      dropped: (reason) => ctx.metrics.messageDrops.inc({ room: room.roomName(), reason }),
      limits: { chat: memberLimiter(ctx, ROOM_LIMITS.chat), emote: memberLimiter(ctx, ROOM_LIMITS.emote) },
    });
    this.questEvents = new LoungeQuestEvents(
      ctx,
      room.roomName,
      (memberId, snapshot, earned, prizes) => {
        this.sendToMember(memberId, { type: 'quests', payload: snapshot });
        for (const stamp of earned) this.sendToMember(memberId, { type: 'stampEarned', payload: stamp });
        for (const prize of prizes) this.sendToMember(memberId, { type: 'prizeWon', payload: prize });
      },
      buildZoneIndex(this.rules.layout.zones),
    );
    this.memberFeed = new MemberFeed(ctx.presence, (memberId, message) => {
      if (message.type === 'lookChanged') this.showLook(memberId, message.look);
      else if (isRecheck(message)) void this.recheckMember(memberId);
      else this.sendToMember(memberId, message);
    });
  }

  /**
   * The same member already here on an earlier connection (a reload, another tab, a second device): those leave with
   * `openedElsewhere`, or stop waiting to reconnect, so a member is one avatar in a room. Answers their session ids.
   */
  replaceEarlier(memberId: string, newSessionId: string): string[] {
    const earlier: string[] = [];
    for (const [sessionId, member] of this.room.state.members) {
      if (member.id !== memberId || sessionId === newSessionId) continue;
      earlier.push(sessionId);
    }
    for (const client of this.room.clients())
      if (
        client.sessionId !== newSessionId &&
        client.auth?.memberId === memberId &&
        !earlier.includes(client.sessionId)
      )
        earlier.push(client.sessionId);
    for (const sessionId of earlier) {
      const live = [...this.room.clients()].find((client) => client.sessionId === sessionId);
      if (live) live.leave(LeaveCode.openedElsewhere, 'openedElsewhere');
      else this.awaitingReconnection.get(sessionId)?.reject(new Error('openedElsewhere'));
    }
    return earlier;
  }

  /** Holds a dropped client's reconnection so a later connection of the same member can end it. */
  awaitReconnection(sessionId: string, reconnection: Deferred): void {
    this.awaitingReconnection.set(sessionId, { reject: (reason) => reconnection.reject(reason) });
    reconnection.then(
      () => this.awaitingReconnection.delete(sessionId),
      () => this.awaitingReconnection.delete(sessionId),
    );
  }

  /** Seats an admitted client: a member in state, a pose, a view, their feed and their day's visit. */
  join(client: CrowdClient, auth: AdmittedMember): void {
    this.replaceEarlier(auth.memberId, client.sessionId);
    // ws reports an oversized frame as an 'error' on the socket, then closes it like a lost connection (1006).
    client.ref.once('error', () => this.protocolOffenders.add(client.sessionId));
    const member = new Member();
    member.id = auth.memberId;
    member.name = auth.name;
    member.tier = auth.tier;
    this.motion.place(client.sessionId, member, this.rules.spawn, this.ctx.clock.now());
    this.room.state.members.set(client.sessionId, member);
    this.room.state.population = this.room.state.members.size;
    // The newcomer sees the room at once; the room sees the newcomer at the next 5 Hz view update.
    this.motion.refreshViews([client]);
    void this.memberFeed.add(auth.memberId);
    void this.seatLook(member, auth);
    this.questEvents.joined(auth.memberId, auth.address);
    this.activeDays.record(auth.memberId);
  }

  /**
   * A reconnected client has a fresh connection and no view yet: give it one at once, before its state resync. Its
   * session may have ended while it was away (no signal reaches a dropped connection): it is re-checked too.
   */
  reconnect(client: CrowdClient): void {
    this.motion.refreshViews([client]);
    void recheckClient(this.ctx, client);
  }

  /** True when the drop may reconnect (a lost network): the avatar stands still meanwhile. False: it is gone. */
  dropped(client: CrowdClient, code: number | undefined): boolean {
    const offended = this.protocolOffenders.delete(client.sessionId);
    if (offended || (code !== undefined && !isNetworkDrop(code))) return false;
    this.motion.halt(client.sessionId);
    return true;
  }

  leave(client: CrowdClient): void {
    const leaving = this.room.state.members.get(client.sessionId);
    if (client.auth && leaving) this.memberFeed.remove(client.auth.memberId);
    this.motion.remove(client, leaving, this.ctx.clock.now());
    this.protocolOffenders.delete(client.sessionId);
    this.room.state.members.delete(client.sessionId);
    this.room.state.population = this.room.state.members.size;
    this.chat.forget(client.sessionId);
    this.questEvents.left(client.sessionId);
  }

  /** One fixed step: emotes expire, avatars move, the quests observer sees where everyone stands. */
  step(dt: number): void {
    this.tickNow = this.ctx.clock.now();
    this.chat.step(this.tickNow);
    this.motion.step(dt, this.room.clients(), this.observe);
  }

  /** The quests observer's view of one avatar after a step, through the scratch avatar (bound once). */
  private readonly observe = (sessionId: string, member: Member, pose: Pose): void => {
    const avatar = this.scratch;
    avatar.id = member.id;
    avatar.x = pose.x;
    avatar.z = pose.z;
    this.questEvents.observe(sessionId, avatar, this.tickNow);
  };

  /** Writes queued before shutdown finish before the ledger closes. */
  async dispose(): Promise<void> {
    this.memberFeed.dispose();
    await this.questEvents.drain();
  }

  say(client: CrowdClient, text: string): void {
    const member = this.room.state.members.get(client.sessionId);
    if (member && this.chat.chat(client, text, this.ctx.clock.now())) this.questEvents.chatted(member);
  }

  emote(client: CrowdClient, emote: Emote): void {
    const member = this.chat.emote(client, emote, this.ctx.clock.now());
    if (member) this.questEvents.emoted(this.avatar(client.sessionId, member), emote, this.avatars());
  }

  interact(client: CrowdClient, objectId: string): void {
    const member = this.room.state.members.get(client.sessionId);
    if (member) this.questEvents.interacted(this.avatar(client.sessionId, member), objectId);
  }

  /** A drink ordered at the bar: the member hears back; served, everyone near sees them raise a glass. */
  orderDrink(client: CrowdClient, drink: Drink): void {
    const member = this.room.state.members.get(client.sessionId);
    const at = this.motion.poseOf(client.sessionId);
    if (!member || !at) return;
    const now = this.ctx.clock.now();
    const { layout } = this.rules;
    const result = orderDrink({ layout, at, drink, takeToken: () => this.drinks.take(member.id, now) });
    client.send('barReply', result);
    if (result.served) this.chat.cue(client.sessionId, 'cheer', now);
  }

  /** Where a member stands now, at full precision (undefined when not in this room). */
  poseOfMember(memberId: string): Pose | undefined {
    for (const [sessionId, member] of this.room.state.members)
      if (member.id === memberId) return this.motion.poseOf(sessionId);
    return undefined;
  }

  /**
   * A browser of this member was signed out (or the member erased, merged, re-bound by support), or their staff role
   * changed: each of their connections here whose admission no longer holds leaves with `sessionEnded` or
   * `roleChanged`.
   */
  recheckMember(memberId: string): Promise<void> {
    return recheckMember(this.ctx, this.room.clients(), memberId);
  }

  /** Sends to every client of one member here; a fresh quests snapshot also updates their status badge. */
  sendToMember(memberId: string, message: MemberMessage): void {
    for (const client of this.room.clients()) {
      if (client.auth?.memberId === memberId) client.send(message.type, message.payload);
    }
    if (message.type !== 'quests') return;
    for (const member of this.room.state.members.values()) {
      if (member.id === memberId && member.status !== message.payload.status.level)
        member.status = message.payload.status.level;
    }
  }

  /** Every avatar of the member here takes their new look (a PUT of /api/members/me/look, in any process). */
  showLook(memberId: string, look: string): void {
    for (const member of this.room.state.members.values())
      if (member.id === memberId && member.look !== look) member.look = look;
  }

  /** A newcomer's stored look (its wearable re-checked) arrives a moment after their seat (default until then). */
  private async seatLook(member: Member, auth: AdmittedMember): Promise<void> {
    try {
      const look = await lookAtJoin(this.ctx, { id: auth.memberId, address: auth.address });
      // A change announced meanwhile (a PUT racing this read) is newer: it stays.
      if (member.look === '') member.look = look;
    } catch (err) {
      this.ctx.logger.warn(
        { err, memberId: auth.memberId },
        'stored look not read: the default look is shown',
      );
    }
  }

  private avatar(sessionId: string, member: Member): { id: string; x: number; z: number } {
    const pose = this.motion.poseOf(sessionId);
    return { id: member.id, x: pose?.x ?? 0, z: pose?.z ?? 0 };
  }

  private avatars(): { id: string; x: number; z: number }[] {
    return [...this.room.state.members].map(([sessionId, member]) => this.avatar(sessionId, member));
  }
}
