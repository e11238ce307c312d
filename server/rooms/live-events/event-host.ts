import { randomUUID } from 'node:crypto';
import type { HostMessage } from '../../../shared/protocol/live-events.ts';
import type { AdmittedMember } from '../../auth/admission.ts';
import { releaseDrop } from '../../live-events/drops.ts';
import { banMember } from '../../live-events/moderation.ts';
import { endLiveEvent } from '../../live-events/schedule.ts';
import { type StageSnapshot, updateStage } from '../../live-events/stage-snapshot.ts';
import { stageKey } from '../../media/service.ts';
import type { Hall, SeatedHallClient } from './hall.ts';

/** Host pose goes out to other instances at most this often. */
const POSE_INTERVAL_MS = 100;

/** Host powers; the hall has already checked the sender holds the host role. Each change goes through the ledger. */
export class EventHost {
  private lastPose = { x: Number.NaN, z: Number.NaN, heading: Number.NaN, at: 0 };

  constructor(private readonly room: Hall) {}

  async arrived(auth: AdmittedMember): Promise<void> {
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

  announce(_client: SeatedHallClient, message: HostMessage<'announce'>): Promise<void> {
    return this.change((stage) => {
      stage.announcement = message.text;
      stage.announcementSeq = (stage.announcementSeq + 1) % 65536;
    });
  }

  spotlight(_client: SeatedHallClient, message: HostMessage<'spotlight'>): Promise<void> {
    const member = message.memberId
      ? [...this.room.state.members.values()].find((m) => m.id === message.memberId)
      : undefined;
    return this.change((stage) => {
      stage.spotlightId = member?.id ?? '';
      stage.spotlightName = member?.name ?? '';
    });
  }

  startPoll(_client: SeatedHallClient, message: HostMessage<'startPoll'>): Promise<void> {
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
  startTrivia(_client: SeatedHallClient): Promise<void> {
    const questions = this.room.ctx.content.current().bundle.triviaPacks.flatMap((pack) => pack.questions);
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

  closePoll(_client: SeatedHallClient): Promise<void> {
    return this.change((stage) => {
      stage.poll.open = false;
      if (stage.poll.kind === 'trivia') stage.poll.correct = stage.poll.answer;
    });
  }

  async releaseDrop(client: SeatedHallClient, message: HostMessage<'releaseDrop'>): Promise<void> {
    const event = this.room.event;
    const spec = event?.spec.drops.find((drop) => drop.id === message.dropId);
    if (!event || !spec) return this.room.notice(client, 'dropUnknown');
    const row = await releaseDrop(this.room.ctx.ledger.db, event.id, spec, new Date());
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

  pinQuestion(_client: SeatedHallClient, message: HostMessage<'pinQuestion'>): Promise<void> {
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

  mute(_client: SeatedHallClient, message: HostMessage<'mute'>): Promise<void> {
    if (this.room.state.hosts.has(message.memberId)) return Promise.resolve();
    return this.change((stage) => {
      const others = stage.muted.filter((id) => id !== message.memberId);
      stage.muted = message.muted ? [...others, message.memberId] : others;
    });
  }

  remove(_client: SeatedHallClient, message: HostMessage<'remove'>): void {
    if (this.room.state.hosts.has(message.memberId)) return;
    this.room.publish({ t: 'kick', memberId: message.memberId, reason: 'removed' });
  }

  async ban(client: SeatedHallClient, message: HostMessage<'ban'>): Promise<void> {
    const event = this.room.event;
    if (!event || this.room.state.hosts.has(message.memberId)) return;
    await banMember(this.room.ctx.ledger.db, {
      memberId: message.memberId,
      eventId: event.id,
      scope: message.scope,
      by: client.auth.memberId,
    });
    this.room.publish({ t: 'kick', memberId: message.memberId, reason: 'banned' });
    // The ban ends their media too: off this event's stage room; a brand ban ends it in every room, lounges too.
    const media = this.room.ctx.media;
    if (!media) return;
    if (message.scope === 'brand') await media.endMemberMedia(message.memberId);
    else await media.kick(stageKey(event.id), message.memberId);
  }

  async end(_client: SeatedHallClient): Promise<void> {
    const event = this.room.event;
    if (!event) return;
    await endLiveEvent(this.room.ctx.ledger.db, event.id);
    event.endedAt = new Date();
    this.room.publish({ t: 'end' });
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
    this.room.publish({ t: 'hostPose', x: host.x, z: host.z, heading: host.heading });
  }

  private async change(edit: (stage: StageSnapshot) => void): Promise<void> {
    const event = this.room.event;
    if (!event) return;
    const stage = await updateStage(this.room.ctx.ledger.db, event.id, edit);
    this.room.publish({ t: 'stage', stage });
  }
}
