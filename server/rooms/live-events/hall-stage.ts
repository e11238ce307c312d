import type { Presence } from '@colyseus/core';
import { LeaveCode } from '../../../shared/protocol/join.ts';
import { type EventState, StageQuestion } from '../../../shared/state/EventState.ts';
import type { AppContext } from '../../context.ts';
import { liveEventStatus } from '../../domain/live-events/status.ts';
import { getLiveEvent, type LiveEventRow } from '../../live-events/schedule.ts';
import { StageChannel, type StageSignal } from '../../live-events/stage-channel.ts';
import {
  applyStage,
  loadStage,
  removeMemberFromStage,
  type StageSnapshot,
} from '../../live-events/stage-snapshot.ts';
import type { HallClient } from './hall.ts';

const QUESTIONS_KEPT = 30;
/** Seconds between re-reads of the event's row (the console may have changed or cancelled it). */
const EVENT_REFRESH_SECONDS = 5;

/** What the stage needs of its hall: the state it writes, the clients it sends home, and the room's presence. */
export interface StageRoom {
  readonly state: EventState;
  readonly presence: Presence;
  clients(): Iterable<HallClient>;
  /** The show is over here (ended, cancelled): the hall closes its attendance. */
  onEnded(): void;
}

/**
 * One instance's view of its event's shared stage: loaded from the ledger, kept in step with every other instance
 * through the event's presence channel, and closed (everyone sent back to the lounge) when the show ends.
 */
export class HallStage {
  event: LiveEventRow | undefined;
  snapshot: StageSnapshot | undefined;
  private channel: StageChannel | undefined;
  private ended = false;
  private seconds = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly room: StageRoom,
  ) {}

  /** Loads the event and its stage and joins its channel; the event, or undefined when there is none. */
  async open(eventId: string | undefined): Promise<LiveEventRow | undefined> {
    const { db } = this.ctx.ledger;
    this.event = eventId ? await getLiveEvent(db, eventId) : undefined;
    const event = this.event;
    if (!event) return undefined;
    const { stage } = this.room.state;
    stage.eventId = event.id;
    stage.title = event.spec.title;
    stage.hall = event.spec.hall;
    this.receive({ t: 'stage', stage: await loadStage(db, event.id) });
    this.channel = new StageChannel(this.room.presence, event.id, this.ctx.logger);
    await this.channel.listen((signal) => this.receive(signal));
    return event;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  publish(signal: StageSignal): void {
    this.channel?.publish(signal);
  }

  close(): void {
    this.channel?.close();
  }

  /** Called once a second: status and end time on the stage; false once the show is over. */
  tick(now: number): boolean {
    const event = this.event;
    if (!event) return false;
    this.seconds += 1;
    if (this.seconds % EVENT_REFRESH_SECONDS === 0) void this.refresh();
    const { stage } = this.room.state;
    const status = this.ended ? 'ended' : liveEventStatus(event, now);
    if (stage.status !== status) stage.status = status;
    const endsAt = event.endsAt.getTime();
    if (stage.endsAt !== endsAt) stage.endsAt = endsAt;
    if (status !== 'ended') return true;
    this.end();
    return false;
  }

  /** The show is over: everyone is told and sent back to the lounge. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.room.state.stage.status = 'ended';
    this.room.onEnded();
    for (const client of this.room.clients()) {
      client.send('eventNotice', { code: 'eventEnded' });
      client.leave(LeaveCode.eventEnded, 'eventEnded');
    }
  }

  /** Applies what any instance of the event said. */
  private receive(signal: StageSignal): void {
    const { state } = this.room;
    const { stage } = state;
    switch (signal.t) {
      case 'stage': {
        this.snapshot = signal.stage;
        applyStage(stage, signal.stage);
        const muted = new Set(signal.stage.muted);
        for (const id of [...state.muted.keys()]) if (!muted.has(id)) state.muted.delete(id);
        for (const id of muted) if (!state.muted.has(id)) state.muted.set(id, true);
        return;
      }
      case 'hostPose':
        stage.hostX = signal.x;
        stage.hostZ = signal.z;
        stage.hostHeading = signal.heading;
        return;
      case 'question': {
        state.questions.push(new StageQuestion().assign(signal.question));
        while (state.questions.length > QUESTIONS_KEPT) state.questions.shift();
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
        for (const client of this.room.clients()) {
          if (client.auth?.memberId !== signal.memberId) continue;
          client.send('eventNotice', { code: signal.reason });
          client.leave(
            signal.reason === 'banned' ? LeaveCode.eventBanned : LeaveCode.eventRemoved,
            signal.reason,
          );
        }
        return;
      case 'erase':
        this.forget(signal.memberId);
        return;
      case 'end':
        this.end();
        return;
    }
  }

  // An erased member's questions, spotlight, pin and mute leave this instance (the ledger's stage was scrubbed too).
  private forget(memberId: string): void {
    const { questions, muted } = this.room.state;
    for (let i = questions.length - 1; i >= 0; i -= 1)
      if (questions[i]?.memberId === memberId) questions.splice(i, 1);
    muted.delete(memberId);
    const snapshot = this.snapshot;
    if (snapshot && removeMemberFromStage(snapshot, memberId)) applyStage(this.room.state.stage, snapshot);
  }

  // The console may change a scheduled event (title, drops, times) or cancel it while a hall is open.
  private async refresh(): Promise<void> {
    const current = this.event;
    if (!current) return;
    try {
      const fresh = await getLiveEvent(this.ctx.ledger.db, current.id);
      if (!fresh) return;
      this.event = fresh;
      if (this.room.state.stage.title !== fresh.spec.title) this.room.state.stage.title = fresh.spec.title;
      if (fresh.cancelledAt || fresh.endedAt) this.end();
    } catch (err) {
      this.ctx.logger.error({ err, eventId: current.id }, 'event not re-read');
    }
  }
}
