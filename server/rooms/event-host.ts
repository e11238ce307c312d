import { randomUUID } from 'node:crypto';
import { triviaPacks } from '../../shared/content/trivia-packs.ts';
import type { HostMessage } from '../../shared/protocol/live-events.ts';
import { releaseDrop } from '../events/drops.ts';
import { banMember } from '../events/moderation.ts';
import { endLiveEvent } from '../events/schedule.ts';
import { type StageSnapshot, updateStage } from '../events/stage-snapshot.ts';
import { services } from '../services.ts';
import type { EventAuth, EventClient, EventRoom } from './EventRoom.ts';

/** Host pose goes out to other instances at most this often. */
const POSE_INTERVAL_MS = 100;

/** Host powers; EventRoom has already checked the sender holds the host role. Each change goes through the ledger. */
export class EventHost {
  private lastPose = { x: Number.NaN, z: Number.NaN, heading: Number.NaN, at: 0 };

  constructor(private readonly room: EventRoom) {}

  async arrived(auth: EventAuth): Promise<void> {
    await this.change((stage) => {
      stage.hostId = auth.memberId;
      stage.hostName = auth.name;
      stage.hostPresent = true;
    });
  }

  async departed(memberId: string): Promise<void> {
    await this.change((stage) => {
      if (stage.hostId === memberId) stage.hostPresent = false;
    });
  }

  announce(_client: EventClient, message: HostMessage<'announce'>): Promise<void> {
    return this.change((stage) => {
      stage.announcement = message.text;
      stage.announcementSeq = (stage.announcementSeq + 1) % 65536;
    });
  }

  spotlight(_client: EventClient, message: HostMessage<'spotlight'>): Promise<void> {
    const member = message.memberId
      ? [...this.room.state.members.values()].find((m) => m.id === message.memberId)
      : undefined;
    return this.change((stage) => {
      stage.spotlightId = member?.id ?? '';
      stage.spotlightName = member?.name ?? '';
    });
  }

  startPoll(_client: EventClient, message: HostMessage<'startPoll'>): Promise<void> {
    return this.change((stage) => {
      stage.poll = {
        id: randomUUID(),
        kind: 'poll',
        question: message.question,
        options: message.options,
        open: true,
        correct: -1,
        answer: -1,
      };
    });
  }

  /** A Gate Trivia question from the brand's packs, in English on the big screen; the answer shows on close. */
  startTrivia(_client: EventClient): Promise<void> {
    const questions = triviaPacks.flatMap((pack) => pack.questions);
    const question = questions[Math.floor(Math.random() * questions.length)];
    if (!question) return Promise.resolve();
    return this.change((stage) => {
      stage.poll = {
        id: randomUUID(),
        kind: 'trivia',
        question: question.prompt.en,
        options: question.choices.map((choice) => choice.en),
        open: true,
        correct: -1,
        answer: question.answer,
      };
    });
  }

  closePoll(_client: EventClient): Promise<void> {
    return this.change((stage) => {
      stage.poll.open = false;
      if (stage.poll.kind === 'trivia') stage.poll.correct = stage.poll.answer;
    });
  }

  async releaseDrop(client: EventClient, message: HostMessage<'releaseDrop'>): Promise<void> {
    const event = this.room.event;
    const spec = event?.spec.drops.find((drop) => drop.id === message.dropId);
    if (!event || !spec) return this.room.notice(client, 'dropUnknown');
    const row = await releaseDrop(services().ledger.db, event.id, spec, new Date());
    if (!row) return this.room.notice(client, 'dropAlreadyReleased');
    await this.change((stage) => {
      stage.drop = {
        id: spec.id,
        prizeId: spec.prizeId,
        mode: spec.mode,
        supply: spec.supply,
        closesAt: row.closesAt.getTime(),
        commit: spec.mode === 'raffle' ? row.commit : '',
      };
    });
  }

  pinQuestion(_client: EventClient, message: HostMessage<'pinQuestion'>): Promise<void> {
    const question = this.room.state.questions.find((q) => q.id === message.questionId);
    return this.change((stage) => {
      stage.pinned = question
        ? {
            id: question.id,
            memberId: question.memberId,
            name: question.name,
            text: question.text,
            at: question.at,
          }
        : { id: '', memberId: '', name: '', text: '', at: 0 };
    });
  }

  mute(_client: EventClient, message: HostMessage<'mute'>): Promise<void> {
    if (this.room.state.hosts.has(message.memberId)) return Promise.resolve();
    return this.change((stage) => {
      const others = stage.muted.filter((id) => id !== message.memberId);
      stage.muted = message.muted ? [...others, message.memberId] : others;
    });
  }

  remove(_client: EventClient, message: HostMessage<'remove'>): void {
    if (this.room.state.hosts.has(message.memberId)) return;
    this.room.channel?.publish({ t: 'kick', memberId: message.memberId, reason: 'removed' });
  }

  async ban(client: EventClient, message: HostMessage<'ban'>): Promise<void> {
    const event = this.room.event;
    if (!event || this.room.state.hosts.has(message.memberId)) return;
    await banMember(services().ledger.db, {
      memberId: message.memberId,
      eventId: event.id,
      scope: message.scope,
      by: client.auth.memberId,
    });
    this.room.channel?.publish({ t: 'kick', memberId: message.memberId, reason: 'banned' });
  }

  async end(_client: EventClient): Promise<void> {
    const event = this.room.event;
    if (!event) return;
    await endLiveEvent(services().ledger.db, event.id);
    event.endedAt = new Date();
    this.room.channel?.publish({ t: 'end' });
  }

  /** Mirrors the host's pose (when the host stands in this instance) into every other instance. */
  mirrorPose(): void {
    const { stage } = this.room.state;
    if (!stage.hostPresent || !this.room.state.hosts.has(stage.hostId)) return;
    const host = this.room.poseOfMember(stage.hostId);
    const now = Date.now();
    if (!host || now - this.lastPose.at < POSE_INTERVAL_MS) return;
    const last = this.lastPose;
    if (host.x === last.x && host.z === last.z && host.heading === last.heading) return;
    this.lastPose = { x: host.x, z: host.z, heading: host.heading, at: now };
    this.room.channel?.publish({ t: 'hostPose', x: host.x, z: host.z, heading: host.heading });
  }

  private async change(edit: (stage: StageSnapshot) => void): Promise<void> {
    const event = this.room.event;
    if (!event) return;
    const stage = await updateStage(services().ledger.db, event.id, edit);
    this.room.channel?.publish({ t: 'stage', stage });
  }
}
