import { type Client, matchMaker, ServerError, validate } from '@colyseus/core';
import type { z } from 'zod';
import { LOUNGE_BOUNDS, loungeColliders } from '../../shared/content/lounge-layout.ts';
import { type Pose, resolveCollisions } from '../../shared/movement.ts';
import { JoinErrorCode, LeaveCode } from '../../shared/protocol/join.ts';
import {
  AudienceMessages,
  EventJoinOptions,
  type EventNoticeCode,
  HostMessages,
} from '../../shared/protocol/live-events.ts';
import { EventState, StageQuestion } from '../../shared/state/EventState.ts';
import { resolveSession } from '../auth/sessions.ts';
import { evaluateGate } from '../domain/gates.ts';
import { doorsOpen, liveEventStatus } from '../domain/live-events/status.ts';
import { tierForSession } from '../domain/lounge-members.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { HallAttendance } from '../events/hall-attendance.ts';
import { isBanned } from '../events/moderation.ts';
import { getLiveEvent, type LiveEventRow } from '../events/schedule.ts';
import { staffRoleOf } from '../events/staff.ts';
import { StageChannel, type StageSignal } from '../events/stage-channel.ts';
import { applyStage, loadStage, type StageSnapshot } from '../events/stage-snapshot.ts';
import { services } from '../services.ts';
import { EventAudience } from './event-audience.ts';
import { EventHost } from './event-host.ts';
import { type LoungeAuth, type LoungeClient, LoungeRoom } from './LoungeRoom.ts';

export interface EventAuth extends LoungeAuth {
  host: boolean;
}
export type EventClient = LoungeClient & { auth: EventAuth };

const QUESTIONS_KEPT = 30;
/** Seconds between re-reads of the event's row (the console may have changed or cancelled it). */
const EVENT_REFRESH_SECONDS = 5;
/** Audience spawn: in front of the stage (the lounge layout's `stage` box). */
const AUDIENCE_SPOT = { x: 13, z: -2, spread: 3 };

/**
 * A live event's hall. Every instance of one event (overflow halls, other processes) shares the stage through the
 * ledger and a presence channel; host powers are checked here for every message; attendance adds up across stays.
 */
export class EventRoom extends LoungeRoom {
  override state: EventState = new EventState();
  event: LiveEventRow | undefined;
  stage: StageSnapshot | undefined;
  channel: StageChannel | undefined;
  private attendance: HallAttendance | undefined;
  private ended = false;
  private seconds = 0;
  private readonly audience = new EventAudience(this);
  private readonly host = new EventHost(this);
  private readonly noticeLimiter = new KeyedRateLimiter(5, 1);

  override messages = {
    ...this.loungeMessages(),
    ...this.audienceMessages(),
    ...this.hostMessages(),
  };

  override async onCreate(options: { capacity?: number; eventId?: string }): Promise<void> {
    super.onCreate(options);
    const { db } = services().ledger;
    this.event = options.eventId ? await getLiveEvent(db, options.eventId) : undefined;
    const event = this.event;
    if (!event) return;
    this.state.stage.eventId = event.id;
    this.state.stage.title = event.spec.title;
    this.state.stage.hall = event.spec.hall;
    this.receive({ t: 'stage', stage: await loadStage(db, event.id) });
    this.channel = new StageChannel(this.presence, event.id);
    await this.channel.listen((signal) => this.receive(signal));
    await this.audience.restore();
    this.attendance = new HallAttendance(
      { ...event, attendMinutes: event.spec.attendMinutes },
      () => this.roomId,
      (memberId, minutes, earnsStamp) => {
        this.questEvents.attended(
          memberId,
          event.id,
          minutes,
          earnsStamp ? event.spec.attendanceStampId : undefined,
        );
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

  override async onAuth(_client: Client, options: unknown): Promise<EventAuth> {
    const parsed = EventJoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    const { db } = services().ledger;
    const session = await resolveSession(db, parsed.data.token);
    if (!session) throw new ServerError(JoinErrorCode.sessionExpired, 'sessionExpired');
    const event = this.event;
    if (!event || event.id !== parsed.data.eventId || event.cancelledAt)
      throw new ServerError(JoinErrorCode.eventNotFound, 'eventNotFound');
    const { member } = session;
    const host = session.kind !== 'guest' && (await staffRoleOf(db, member.address)) !== undefined;
    const status = liveEventStatus(event, Date.now());
    if (this.ended || status === 'ended' || (!host && !doorsOpen(event, Date.now())))
      throw new ServerError(JoinErrorCode.eventNotOpen, 'eventNotOpen');
    if (!host && (await isBanned(db, member.id, event.id)))
      throw new ServerError(JoinErrorCode.eventBanned, 'eventBanned');
    if (!host && event.spec.access.kind === 'pass') {
      const rule = services().gates.rules.get(event.spec.access.gate);
      const address = member.address as `0x${string}` | null;
      const allowed =
        rule && address
          ? evaluateGate(rule, await services().gates.reader.holdingsFor(address, rule)).allowed
          : false;
      if (!allowed) throw new ServerError(JoinErrorCode.gateDenied, 'gateDenied');
    }
    return {
      memberId: member.id,
      name: member.displayName,
      tier: tierForSession(session.kind),
      address: member.address,
      host,
    };
  }

  override onJoin(client: LoungeClient): void {
    super.onJoin(client);
    const auth = (client as EventClient).auth;
    this.attendance?.joined(client.sessionId, auth.memberId);
    if (auth.host) {
      this.state.hosts.set(auth.memberId, true);
      void this.host.arrived(auth);
    }
  }

  override onLeave(client: LoungeClient): void {
    const auth = (client as EventClient).auth;
    super.onLeave(client);
    void this.attendance?.left(client.sessionId);
    if (
      auth?.host &&
      !this.clients.some((other) => other !== client && other.auth?.memberId === auth.memberId)
    ) {
      this.state.hosts.delete(auth.memberId);
      void this.host.departed(auth.memberId);
    }
  }

  override async onDispose(): Promise<void> {
    this.channel?.close();
    await this.attendance?.closeAll();
    await super.onDispose();
  }

  protected override maySpeak(client: LoungeClient): boolean {
    const muted = this.state.muted.has(client.auth?.memberId ?? '');
    if (muted) this.notice(client, 'muted');
    return !muted;
  }

  /** Hosts see the whole hall (to moderate it); everyone else the nearest, like the lounge. */
  protected override visibleLimit(client: LoungeClient): number {
    return (client as EventClient).auth?.host ? Number.POSITIVE_INFINITY : super.visibleLimit(client);
  }

  protected override spawn(): Pose {
    const angle = Math.random() * Math.PI * 2;
    const radius = Math.sqrt(Math.random()) * AUDIENCE_SPOT.spread;
    const x = Math.min(LOUNGE_BOUNDS.maxX - 1, AUDIENCE_SPOT.x + Math.cos(angle) * radius);
    const spot = resolveCollisions(x, AUDIENCE_SPOT.z + Math.sin(angle) * radius, loungeColliders);
    // Face the stage.
    return { x: spot.x, z: spot.z, heading: Math.PI };
  }

  protected override step(dt: number): void {
    super.step(dt);
    this.host.mirrorPose();
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

  /** Sends a translated notice to one client, at most a few a second. */
  notice(client: LoungeClient, code: EventNoticeCode): void {
    if (this.noticeLimiter.take(client.sessionId, Date.now())) client.send('eventNotice', { code });
  }

  noticeMember(memberId: string, code: EventNoticeCode): void {
    for (const client of this.clients)
      if (client.auth?.memberId === memberId) client.send('eventNotice', { code });
  }

  /** Applies what any instance of the event said. */
  private receive(signal: StageSignal): void {
    const { stage } = this.state;
    switch (signal.t) {
      case 'stage': {
        this.stage = signal.stage;
        applyStage(stage, signal.stage);
        const muted = new Set(signal.stage.muted);
        for (const id of [...this.state.muted.keys()]) if (!muted.has(id)) this.state.muted.delete(id);
        for (const id of muted) if (!this.state.muted.has(id)) this.state.muted.set(id, true);
        return;
      }
      case 'hostPose':
        stage.hostX = signal.x;
        stage.hostZ = signal.z;
        stage.hostHeading = signal.heading;
        return;
      case 'question': {
        const question = new StageQuestion().assign(signal.question);
        this.state.questions.push(question);
        while (this.state.questions.length > QUESTIONS_KEPT) this.state.questions.shift();
        return;
      }
      case 'tally':
        if (stage.poll.id === signal.pollId)
          for (const [i, n] of signal.tallies.entries()) stage.poll.tallies[i] = n;
        return;
      case 'dropCount':
        if (stage.drop.id !== signal.dropId) return;
        stage.drop.claimed = signal.claimed;
        stage.drop.entrants = signal.entrants;
        if (signal.state) stage.drop.state = signal.state;
        if (signal.seed) stage.drop.seed = signal.seed;
        return;
      case 'kick':
        for (const client of this.clients) {
          if (client.auth?.memberId !== signal.memberId) continue;
          client.send('eventNotice', { code: signal.reason });
          client.leave(
            signal.reason === 'banned' ? LeaveCode.eventBanned : LeaveCode.eventRemoved,
            signal.reason,
          );
        }
        return;
      case 'end':
        this.endHall();
        return;
    }
  }

  private tick(): void {
    const event = this.event;
    if (!event) return;
    this.seconds += 1;
    if (this.seconds % EVENT_REFRESH_SECONDS === 0) void this.refreshEvent();
    const now = Date.now();
    const status = this.ended ? 'ended' : liveEventStatus(event, now);
    if (this.state.stage.status !== status) this.state.stage.status = status;
    const endsAt = event.endsAt.getTime();
    if (this.state.stage.endsAt !== endsAt) this.state.stage.endsAt = endsAt;
    if (status === 'ended') {
      this.endHall();
      return;
    }
    this.attendance?.tick(now);
    this.audience.tickDrop(now);
  }

  // The console may change a scheduled event (title, drops, times) or cancel it while a hall is open.
  private async refreshEvent(): Promise<void> {
    const current = this.event;
    if (!current) return;
    try {
      const fresh = await getLiveEvent(services().ledger.db, current.id);
      if (!fresh) return;
      this.event = fresh;
      if (this.state.stage.title !== fresh.spec.title) this.state.stage.title = fresh.spec.title;
      if (fresh.cancelledAt || fresh.endedAt) this.endHall();
    } catch (error) {
      console.error(`Layover: event ${current.id} not re-read`, error);
    }
  }

  /** The show is over: everyone is told and sent back to the lounge. */
  private endHall(): void {
    if (this.ended) return;
    this.ended = true;
    this.state.stage.status = 'ended';
    void this.attendance?.closeAll();
    for (const client of this.clients) {
      client.send('eventNotice', { code: 'eventEnded' });
      client.leave(LeaveCode.eventEnded, 'eventEnded');
    }
  }

  private audienceMessages() {
    const on = <S extends z.ZodType>(
      schema: S,
      handler: (client: EventClient, message: z.output<S>) => unknown,
    ) =>
      validate(
        schema,
        (client, message) => void this.run(handler(client as EventClient, message as z.output<S>)),
      );
    return {
      react: on(AudienceMessages.react, (client, message) => this.audience.react(client, message)),
      ask: on(AudienceMessages.ask, (client, message) => this.audience.ask(client, message)),
      vote: on(AudienceMessages.vote, (client, message) => this.audience.vote(client, message)),
      claimDrop: on(AudienceMessages.claimDrop, (client, message) => this.audience.claim(client, message)),
      report: on(AudienceMessages.report, (client, message) => this.audience.report(client, message)),
    };
  }

  // Every host message is refused unless the sender's session holds the host role.
  private hostMessages() {
    const host = <S extends z.ZodType>(
      schema: S,
      handler: (client: EventClient, message: z.output<S>) => unknown,
    ) =>
      validate(schema, (client, message) => {
        const sender = client as EventClient;
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
      mute: host(HostMessages.mute, (c, m) => h.mute(c, m)),
      remove: host(HostMessages.remove, (c, m) => h.remove(c, m)),
      ban: host(HostMessages.ban, (c, m) => h.ban(c, m)),
      endEvent: host(HostMessages.endEvent, (c) => h.end(c)),
    };
  }

  private async run(work: unknown): Promise<void> {
    try {
      await work;
    } catch (error) {
      console.error(`Layover: event ${this.event?.id} message failed`, error);
    }
  }
}
