import { matchMaker, Room, ServerError, validate } from '@colyseus/core';
import type { z } from 'zod';
import { LOUNGE_BOUNDS, loungeColliders } from '../../../shared/content/lounge-layout.ts';
import { type Pose, resolveCollisions } from '../../../shared/movement.ts';
import { VISIBLE_AVATARS } from '../../../shared/netcode.ts';
import { JoinErrorCode } from '../../../shared/protocol/join.ts';
import {
  AudienceMessages,
  EventJoinOptions,
  type EventNoticeCode,
  HostMessages,
  type Reaction,
} from '../../../shared/protocol/live-events.ts';
import { EventState } from '../../../shared/state/EventState.ts';
import { type AdmittedMember, admitMember } from '../../auth/admission.ts';
import type { AppContext } from '../../context.ts';
import { doorsOpen, liveEventStatus } from '../../domain/live-events/status.ts';
import { KeyedRateLimiter } from '../../domain/rate-limit.ts';
import { HallAttendance } from '../../live-events/hall-attendance.ts';
import { isBanned } from '../../live-events/moderation.ts';
import type { LiveEventRow } from '../../live-events/schedule.ts';
import { ScreenVideo } from '../../live-events/screen-video.ts';
import { screenVideoMessages } from '../../live-events/screen-video-messages.ts';
import type { StageSignal } from '../../live-events/stage-channel.ts';
import { stageMediaMessages } from '../../live-events/stage-media-messages.ts';
import { StageMediaPart } from '../../live-events/stage-media-part.ts';
import { LOUNGE_TICK_RATE, RECONNECT_SECONDS } from '../lounge-room.ts';
import { LoungeCrowd } from '../parts/lounge-crowd.ts';
import { loungeMessages } from '../parts/lounge-messages.ts';
import { stepsThenOnePatch } from '../parts/tick-writes.ts';
import { EventAudience } from './event-audience.ts';
import { EventHost } from './event-host.ts';
import type { Hall, HallClient, SeatedHallClient } from './hall.ts';
import { HallStage } from './hall-stage.ts';

/** What `define(EVENT_ROOM, LiveEventRoom, options)` passes; `eventId` comes from the joining client (filterBy). */
export interface LiveEventRoomOptions {
  ctx: AppContext;
  capacity?: number;
  eventId?: string;
}

/** Audience spawn: in front of the stage (the lounge layout's `stage` box). */
const AUDIENCE_SPOT = { x: 13, z: -2, spread: 3 };

/**
 * A live event's hall, built from parts: the crowd (movement, chat, quests), the shared stage, the audience and the
 * host. Every instance of one event shares the stage through the ledger and a presence channel; host powers are
 * checked here for every message; attendance adds up across stays.
 */
export class LiveEventRoom extends Room<{ state: EventState; client: HallClient }> implements Hall {
  override maxMessagesPerSecond = 30;
  override state = new EventState();
  ctx!: AppContext;
  private crowd!: LoungeCrowd;
  private stage!: HallStage;
  private attendance: HallAttendance | undefined;
  private readonly audience = new EventAudience(this);
  private readonly host = new EventHost(this);
  private readonly noticeLimiter = new KeyedRateLimiter(5, 1);
  private stageMedia!: StageMediaPart;
  private screenVideo: ScreenVideo | undefined;

  override messages = {
    ...loungeMessages(() => this.crowd),
    ...this.audienceMessages(),
    ...this.hostMessages(),
    ...stageMediaMessages(
      () => this.stageMedia,
      (client) => this.notice(client as HallClient, 'notHost'),
      () => this.ctx.logger,
    ),
    ...screenVideoMessages({
      screenVideo: () => this.screenVideo,
      logger: () => this.ctx.logger,
      notHost: (client) => this.notice(client as HallClient, 'notHost'),
    }),
  };

  get event(): LiveEventRow | undefined {
    return this.stage?.event;
  }

  override async onCreate(options: LiveEventRoomOptions): Promise<void> {
    this.ctx = options.ctx;
    this.maxClients = options.capacity ?? this.ctx.config.eventHallCapacity;
    this.crowd = new LoungeCrowd(
      this.ctx,
      {
        state: this.state,
        clients: () => this.clients,
        roomId: () => this.roomId,
        roomName: () => this.roomName,
        broadcastChat: (line) => this.broadcast('chat', line),
      },
      {
        spawn: audienceSpawn,
        maySpeak: (client) => this.maySpeak(client as HallClient),
        // Hosts see the whole hall (to moderate it); everyone else the nearest, like the lounge.
        visibleLimit: (client) => (client.auth?.host ? Number.POSITIVE_INFINITY : VISIBLE_AVATARS),
      },
    );
    this.stage = new HallStage(this.ctx, {
      state: this.state,
      presence: this.presence,
      clients: () => this.clients,
      onEnded: () => void this.attendance?.closeAll(),
    });
    // One socket write per client per tick: the crowd's messages, the host's pose and the patch (issue 23).
    // Several fixed steps in one timer callback still send one patch (stepsThenOnePatch).
    this.setFixedTimestep(
      stepsThenOnePatch(
        () => this.clients,
        (clock) => {
          this.crowd.step(clock.dt);
          this.host.mirrorPose();
        },
        () => this.broadcastPatch(),
      ),
      LOUNGE_TICK_RATE,
    );
    this.patchRate = null;
    this.stageMedia = new StageMediaPart({
      ctx: this.ctx,
      presence: this.presence,
      state: this.state,
      clients: () => this.clients,
    });
    const event = await this.stage.open(options.eventId);
    if (!event) return;
    await this.stageMedia.open(event.id);
    this.screenVideo = new ScreenVideo(this.presence, this.ctx.clock, this.ctx.logger, () => this.clients);
    await this.screenVideo.open(event.id);
    await this.audience.restore();
    this.attendance = new HallAttendance(
      this.ctx,
      { ...event, attendMinutes: event.spec.attendMinutes },
      () => this.roomId,
      (memberId, minutes, earnsStamp) => {
        const stampId = earnsStamp ? event.spec.attendanceStampId : undefined;
        this.crowd.questEvents.attended(memberId, event.id, minutes, stampId);
        if (earnsStamp) this.noticeMember(memberId, 'attended');
      },
    );
    await this.setMetadata({ eventId: event.id });
    const others = await matchMaker.query({ name: this.roomName });
    const siblings = others.filter(
      (room) => room.roomId !== this.roomId && room.metadata?.eventId === event.id,
    );
    this.state.instance = siblings.length + 1;
    this.clock.setInterval(() => this.tick(), 1000);
    this.tick();
  }

  override async onAuth(client: HallClient, options: unknown): Promise<AdmittedMember> {
    const admitted = await admitMember(
      this.ctx,
      options,
      {
        kind: 'hall',
        options: EventJoinOptions,
        staff: true,
        gate: this.event?.spec.access.kind === 'pass' ? this.event.spec.access.gate : undefined,
        check: async (member, joining) => {
          const event = this.event;
          if (!event || event.id !== joining.eventId || event.cancelledAt)
            throw new ServerError(JoinErrorCode.eventNotFound, 'eventNotFound');
          const now = this.ctx.clock.now();
          const status = liveEventStatus(event, now);
          if (this.stage.isEnded || status === 'ended' || (!member.host && !doorsOpen(event, now)))
            throw new ServerError(JoinErrorCode.eventNotOpen, 'eventNotOpen');
          if (!member.host && (await isBanned(this.ctx.ledger.db, member.memberId, event.id)))
            throw new ServerError(JoinErrorCode.eventBanned, 'eventBanned');
        },
      },
      client,
    );
    return admitted.member;
  }

  override onJoin(client: HallClient): void {
    const auth = client.auth;
    if (!auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    this.crowd.join(client, auth);
    this.attendance?.joined(client.sessionId, auth.memberId);
    if (auth.host) {
      this.state.hosts.set(auth.memberId, true);
      void this.host.arrived(auth);
    }
  }

  override onReconnect(client: HallClient): void {
    this.crowd.reconnect(client);
  }

  override onDrop(client: HallClient, code?: number): void {
    if (!this.crowd.dropped(client, code)) {
      this.onLeave(client);
      return;
    }
    this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override onLeave(client: HallClient): void {
    const auth = client.auth;
    this.crowd.leave(client);
    void this.attendance?.left(client.sessionId);
    if (
      auth?.host &&
      !this.clients.some((other) => other !== client && other.auth?.memberId === auth.memberId)
    ) {
      this.state.hosts.delete(auth.memberId);
      void this.host.departed(auth.memberId);
    }
    if (auth && !this.clients.some((other) => other !== client && other.auth?.memberId === auth.memberId))
      void this.stageMedia.takeOff(auth.memberId);
  }

  override async onDispose(): Promise<void> {
    this.stage.close();
    this.stageMedia?.close();
    this.screenVideo?.close();
    await this.attendance?.closeAll();
    await this.crowd.dispose();
  }

  later(callback: () => void, ms: number): void {
    this.clock.setTimeout(callback, ms);
  }

  publish(signal: StageSignal): void {
    this.stage.publish(signal);
  }

  broadcastReaction(memberId: string, reaction: Reaction): void {
    this.broadcast('reaction', { memberId, reaction });
  }

  poseOfMember(memberId: string): Pose | undefined {
    return this.crowd.poseOfMember(memberId);
  }

  /** The audience's questions for the console's live view (called through the matchmaker, from any process). */
  consoleQuestions() {
    const pinned = this.state.stage.pinned.id;
    return this.state.questions.map((q) => ({
      id: q.id,
      name: q.name,
      text: q.text,
      pinned: q.id === pinned,
      at: q.at,
    }));
  }

  notice(client: HallClient, code: EventNoticeCode): void {
    if (this.noticeLimiter.take(client.sessionId, this.ctx.clock.now())) client.send('eventNotice', { code });
  }

  noticeMember(memberId: string, code: EventNoticeCode): void {
    for (const client of this.clients)
      if (client.auth?.memberId === memberId) client.send('eventNotice', { code });
  }

  private maySpeak(client: HallClient): boolean {
    const muted = this.state.muted.has(client.auth?.memberId ?? '');
    if (muted) this.notice(client, 'muted');
    return !muted;
  }

  private tick(): void {
    const now = this.ctx.clock.now();
    if (!this.stage.tick(now)) return;
    this.attendance?.tick(now);
    this.audience.tickDrop(now);
  }

  private audienceMessages() {
    const on = <S extends z.ZodType>(
      schema: S,
      handler: (client: SeatedHallClient, message: z.output<S>) => unknown,
    ) =>
      validate(
        schema,
        (client, message) => void this.run(handler(client as SeatedHallClient, message as z.output<S>)),
      );
    const a = this.audience;
    return {
      react: on(AudienceMessages.react, (c, m) => a.react(c, m)),
      ask: on(AudienceMessages.ask, (c, m) => a.ask(c, m)),
      vote: on(AudienceMessages.vote, (c, m) => a.vote(c, m)),
      claimDrop: on(AudienceMessages.claimDrop, (c, m) => a.claim(c, m)),
      report: on(AudienceMessages.report, (c, m) => a.report(c, m)),
    };
  }

  // Every host message is refused unless the sender's session holds the host role.
  private hostMessages() {
    const host = <S extends z.ZodType>(
      schema: S,
      handler: (client: SeatedHallClient, message: z.output<S>) => unknown,
    ) =>
      validate(schema, (client, message) => {
        const sender = client as SeatedHallClient;
        if (!sender.auth?.host) return this.notice(sender, 'notHost');
        void this.run(handler(sender, message as z.output<S>));
      });
    const h = this.host;
    return {
      announce: host(HostMessages.announce, (c, m) => h.announce(c, m)),
      spotlight: host(HostMessages.spotlight, (c, m) => h.spotlight(c, m)),
      startPoll: host(HostMessages.startPoll, (c, m) => h.startPoll(c, m)),
      startTrivia: host(HostMessages.startTrivia, (c) => h.startTrivia(c)),
      closePoll: host(HostMessages.closePoll, (c) => h.closePoll(c)),
      releaseDrop: host(HostMessages.releaseDrop, (c, m) => h.releaseDrop(c, m)),
      pinQuestion: host(HostMessages.pinQuestion, (c, m) => h.pinQuestion(c, m)),
      mute: host(HostMessages.mute, (c, m) =>
        Promise.all([h.mute(c, m), m.muted && this.offStage(m.memberId)]),
      ),
      remove: host(HostMessages.remove, (c, m) => Promise.all([h.remove(c, m), this.offStage(m.memberId)])),
      ban: host(HostMessages.ban, (c, m) => Promise.all([h.ban(c, m), this.offStage(m.memberId)])),
      endEvent: host(HostMessages.endEvent, (c) => h.end(c)),
    };
  }

  // Moderation ends a member's place on stage (and so their media) in every instance; hosts are never moderated.
  private offStage(memberId: string): Promise<void> | undefined {
    return this.state.hosts.has(memberId) ? undefined : this.stageMedia.takeOff(memberId);
  }

  private async run(work: unknown): Promise<void> {
    try {
      await work;
    } catch (err) {
      this.ctx.logger.error({ err, eventId: this.event?.id }, 'event message failed');
    }
  }
}

/** Where a newcomer to a hall appears: in front of the stage, facing it. */
function audienceSpawn(): Pose {
  const angle = Math.random() * Math.PI * 2;
  const radius = Math.sqrt(Math.random()) * AUDIENCE_SPOT.spread;
  const x = Math.min(LOUNGE_BOUNDS.maxX - 1, AUDIENCE_SPOT.x + Math.cos(angle) * radius);
  const spot = resolveCollisions(x, AUDIENCE_SPOT.z + Math.sin(angle) * radius, loungeColliders);
  return { x: spot.x, z: spot.z, heading: Math.PI };
}
