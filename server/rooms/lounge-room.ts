import { type Client, Room, ServerError } from '@colyseus/core';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import type { LoungeServerMessages } from '../../shared/protocol/lounge-messages.ts';
import { LoungeState } from '../../shared/state/LoungeState.ts';
import { type AdmittedMember, admitMember } from '../auth/admission.ts';
import type { AppContext } from '../context.ts';
import type { MemberMessages } from '../members/member-channel.ts';
import { LoungeCrowd } from './parts/lounge-crowd.ts';
import { loungeMessages } from './parts/lounge-messages.ts';
import { stepsThenOnePatch } from './parts/tick-writes.ts';
import type { LoungeVoice } from './parts/voice-lounge.ts';
import { openLoungeVoice, voiceMessages } from './parts/voice-wiring.ts';

/** A lounge's client: what admission let in, and the lounge's messages (plus what any process sends a member). */
export type LoungeClient = Client<{
  auth: AdmittedMember;
  messages: LoungeServerMessages & MemberMessages;
}>;

/** What `define(RoomName.lounge, LoungeRoom, options)` passes every lounge. */
export interface LoungeRoomOptions {
  ctx: AppContext;
  capacity?: number;
}

/** How long a dropped member may reconnect into the same seat, in seconds. */
export const RECONNECT_SECONDS = 20;

/** Server ticks per second; movement is integrated at this fixed step. */
export const LOUNGE_TICK_RATE = 20;

/** The public lounge: admits members and forwards everything else to its crowd (movement, chat, quests). */
export class LoungeRoom extends Room<{ state: LoungeState; client: LoungeClient }> {
  override maxMessagesPerSecond = 30;
  override state = new LoungeState();
  private ctx!: AppContext;
  private crowd!: LoungeCrowd;
  /** Fixed steps run so far: what a test or a diagnostic waits on instead of the wall clock. */
  stepsRun = 0;

  private voice!: LoungeVoice;

  /** Whether a member may publish voice here (not muted or removed by staff): the media token route asks. */
  maySpeak(memberId: string): boolean {
    return this.voice?.maySpeak(memberId) ?? true;
  }

  override messages = {
    ...loungeMessages(() => this.crowd),
    ...voiceMessages(
      () => this.voice,
      (err) => this.ctx.logger.error({ err }, 'voice: message failed'),
    ),
  };

  override onCreate(options: LoungeRoomOptions): void {
    this.ctx = options.ctx;
    this.maxClients = options.capacity ?? this.ctx.config.loungeCapacity;
    this.crowd = new LoungeCrowd(this.ctx, {
      state: this.state,
      clients: () => this.clients,
      roomId: () => this.roomId,
      roomName: () => this.roomName,
      broadcastChat: (line) => this.broadcast('chat', line),
    });
    this.voice = openLoungeVoice({
      ctx: this.ctx,
      clients: () => this.clients,
      roomId: () => this.roomId,
      clock: this.clock,
      crowd: () => this.crowd,
    });
    this.setFixedTimestep(
      stepsThenOnePatch(
        () => this.clients,
        (clock) => {
          this.crowd.step(clock.dt);
          this.stepsRun++;
        },
        () => this.broadcastPatch(),
      ),
      LOUNGE_TICK_RATE,
    );
    // Patches go out at the end of each fixed step, not on a second timer of their own: a change of course reaches
    // clients in the same tick it is integrated.
    this.patchRate = null;
  }

  override async onAuth(client: LoungeClient, options: unknown): Promise<AdmittedMember> {
    return (await admitMember(this.ctx, options, { kind: 'lounge' }, client)).member;
  }

  override onJoin(client: LoungeClient): void {
    if (!client.auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    this.crowd.join(client, client.auth);
  }

  override onReconnect(client: LoungeClient): void {
    this.crowd.reconnect(client);
  }

  /** A dropped connection keeps its avatar (standing still) for a while, so the SDK's reconnect finds its seat. */
  override onDrop(client: LoungeClient, code?: number): void {
    if (!this.crowd.dropped(client, code)) {
      this.onLeave(client);
      return;
    }
    // On timeout Colyseus calls onLeave itself, which frees the avatar.
    this.crowd.awaitReconnection(client.sessionId, this.allowReconnection(client, RECONNECT_SECONDS));
  }

  override onLeave(client: LoungeClient): void {
    this.voice.forget(client.sessionId);
    this.crowd.leave(client);
  }

  override async onDispose(): Promise<void> {
    await this.crowd.dispose();
  }
}
