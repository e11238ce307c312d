import type { Presence } from '@colyseus/core';
import type {
  StageMediaAudienceMessage,
  StageMediaHostMessage,
  StageMediaNotice,
  StageMediaServerMessages,
} from '../../shared/protocol/stage-media.ts';
import type { EventState } from '../../shared/state/EventState.ts';
import type { AdmittedMember } from '../auth/admission.ts';
import type { AppContext } from '../context.ts';
import { StageMediaBoard } from './stage-media-board.ts';
import * as rules from './stage-media-rules.ts';

/** A hall client as this part sees it: who it is, and a way to send it the stage's media messages. */
export interface StageMediaClient {
  auth?: AdmittedMember;
  send(type: string, message: unknown): void;
}

/** What the stage's media needs of its hall. */
export interface StageMediaRoom {
  readonly ctx: AppContext;
  readonly presence: Presence;
  readonly state: EventState;
  clients(): Iterable<StageMediaClient>;
}

const send = <T extends keyof StageMediaServerMessages>(
  client: StageMediaClient,
  type: T,
  message: StageMediaServerMessages[T],
) => client.send(type, message);

/**
 * The host's live microphone and camera, members on stage and raised hands, for one hall instance: changes go to
 * every instance of the event (StageMediaBoard); each instance sends the stage to its own clients.
 */
export class StageMediaPart {
  private board: StageMediaBoard | undefined;

  constructor(private readonly room: StageMediaRoom) {}

  async open(eventId: string): Promise<void> {
    this.board = new StageMediaBoard(this.room.presence, eventId, this.room.ctx.logger);
    await this.board.listen((view) => {
      for (const client of this.room.clients()) send(client, 'stageMedia', view);
    });
  }

  close(): void {
    this.board?.close();
  }

  async sync(client: StageMediaClient): Promise<void> {
    if (this.board) send(client, 'stageMedia', await this.board.read());
  }

  raiseHand(client: StageMediaClient, message: StageMediaAudienceMessage<'stageRaiseHand'>) {
    const me = person(client);
    if (!me) return;
    if (message.raised && this.room.state.muted.has(me.memberId)) return this.notice(client, 'handLowered');
    return this.apply(client, (stage) => rules.raiseHand(stage, me, message.raised, Date.now()));
  }

  answer(client: StageMediaClient, message: StageMediaAudienceMessage<'stageAnswerInvite'>) {
    const me = person(client);
    if (me) return this.apply(client, (stage) => rules.answer(stage, me.memberId, message.accept));
  }

  stepDown(client: StageMediaClient) {
    const me = person(client);
    if (me) return this.apply(client, (stage) => rules.takeOff(stage, me.memberId));
  }

  goLive(client: StageMediaClient, message: StageMediaHostMessage<'stageGoLive'>) {
    const me = person(client);
    if (me) return this.apply(client, (stage) => rules.goLive(stage, me, message.video));
  }

  endLive(client: StageMediaClient) {
    return this.apply(client, (stage) => rules.endLive(stage));
  }

  /** The host invites a member seen in this hall: in its audience or among the event's questions. */
  invite(client: StageMediaClient, message: StageMediaHostMessage<'stageInvite'>) {
    const member = this.findMember(message.memberId);
    if (!member) return this.notice(client, 'notHere');
    return this.apply(client, (stage) => rules.invite(stage, member));
  }

  endMember(client: StageMediaClient, message: StageMediaHostMessage<'stageEndMember'>) {
    return this.apply(client, (stage) => rules.takeOff(stage, message.memberId));
  }

  muteMember(client: StageMediaClient, message: StageMediaHostMessage<'stageMuteMember'>) {
    return this.apply(client, (stage) => rules.muteOnStage(stage, message.memberId, message.muted));
  }

  /** A member left the hall, or the host muted, removed or banned them: off the stage, hand down, media ended. */
  async takeOff(memberId: string): Promise<void> {
    await this.board?.change((stage) => rules.takeOff(stage, memberId));
  }

  private async apply(
    client: StageMediaClient,
    change: (stage: Parameters<typeof rules.goLive>[0]) => rules.StageMediaResult,
  ): Promise<void> {
    const result = await this.board?.change(change);
    if (result && 'notice' in result) this.notice(client, result.notice);
  }

  private notice(client: StageMediaClient, code: StageMediaNotice): void {
    send(client, 'stageMediaNotice', { code });
  }

  private findMember(memberId: string): rules.StagePerson | undefined {
    for (const member of this.room.state.members.values())
      if (member.id === memberId) return { memberId, name: member.name };
    const asked = this.room.state.questions.find((q) => q.memberId === memberId);
    return asked ? { memberId, name: asked.name } : undefined;
  }
}

function person(client: StageMediaClient): rules.StagePerson | undefined {
  const auth = client.auth;
  return auth ? { memberId: auth.memberId, name: auth.name } : undefined;
}
