import { Room, ServerError } from '@colyseus/core';
import { layoutForRoom } from '../../shared/content/room-layouts.ts';
import { JoinErrorCode } from '../../shared/protocol/join.ts';
import { LoungeState } from '../../shared/state/LoungeState.ts';
import { type AdmittedMember, admitMember } from '../auth/admission.ts';
import type { AppContext } from '../context.ts';
import { layoutSpawnPose } from '../domain/room-spawn.ts';
import {
  LOUNGE_TICK_RATE,
  type LoungeClient,
  type LoungeRoomOptions,
  RECONNECT_SECONDS,
} from './lounge-room.ts';
import { GateSeats } from './parts/gate-seats.ts';
import { LoungeCrowd } from './parts/lounge-crowd.ts';
import { loungeMessages } from './parts/lounge-messages.ts';
import { stepsThenOnePatch } from './parts/tick-writes.ts';

/** What `define(RoomName.vip, GatedLoungeRoom, options)` passes: the lounge's options and the gate to check. */
export interface GatedLoungeRoomOptions extends LoungeRoomOptions {
  gate?: string;
}

/** A lounge behind a gate rule (shared/content/gates.ts): its crowd, plus one seat per pass held by `GateSeats`. */
export class GatedLoungeRoom extends Room<{ state: LoungeState; client: LoungeClient }> {
  override maxMessagesPerSecond = 30;
  override state = new LoungeState();
  private ctx!: AppContext;
  private crowd!: LoungeCrowd;
  private seats!: GateSeats;
  private gate = '';
  private unsubscribe: (() => void) | undefined;

  override messages = loungeMessages(() => this.crowd);

  override onCreate(options: GatedLoungeRoomOptions): void {
    this.ctx = options.ctx;
    this.gate = options.gate ?? this.roomName;
    this.maxClients = options.capacity ?? this.ctx.config.loungeCapacity;
    // The VIP and the suite each have their own floor plan (shared/content/room-layouts.ts): walls, bar, quiet room.
    const layout = layoutForRoom(this.roomName);
    this.crowd = new LoungeCrowd(
      this.ctx,
      {
        state: this.state,
        clients: () => this.clients,
        roomId: () => this.roomId,
        roomName: () => this.roomName,
        broadcastChat: (line) => this.broadcast('chat', line),
      },
      { layout, spawn: () => layoutSpawnPose(layout, Math.random) },
    );
    this.seats = new GateSeats(this.ctx, this.gate, {
      presence: this.presence,
      seated: (sessionId) => this.state.members.has(sessionId),
      client: (sessionId) => this.clients.getById(sessionId),
    });
    this.unsubscribe = this.ctx.gates.changes.on((addresses) => this.seats.holdingsChanged(addresses));
    this.clock.setInterval(() => this.seats.recheckAll(), this.ctx.gates.recheckMs);
    // One socket write per client per tick: the step's messages and the patch leave together.
    this.setFixedTimestep(
      stepsThenOnePatch(
        () => this.clients,
        (clock) => this.crowd.step(clock.dt),
        () => this.broadcastPatch(),
      ),
      LOUNGE_TICK_RATE,
    );
    this.patchRate = null;
  }

  override async onAuth(client: LoungeClient, options: unknown): Promise<AdmittedMember> {
    const admitted = await admitMember(
      this.ctx,
      options,
      {
        kind: 'gated',
        gate: this.gate,
        statusOpens: true,
      },
      client,
    );
    // A status level opened the gate: no pass, so no seat to hold.
    if (!admitted.passHolder || !admitted.verdict) return admitted.member;
    const sessionId = client.sessionId;
    if (!(await this.seats.claim(sessionId, admitted.passHolder, admitted.verdict))) {
      // The seat is this member's own earlier connection (a reload, another tab): the newest one takes it over.
      const earlier = this.crowd.replaceEarlier(admitted.member.memberId, sessionId);
      for (const earlierId of earlier) this.seats.release(earlierId);
      if (earlier.length === 0 || !(await this.seats.claim(sessionId, admitted.passHolder, admitted.verdict)))
        throw new ServerError(JoinErrorCode.passInUse, 'passInUse');
    }
    // A client that never arrives (closed tab, dropped during the join) gets no onLeave: free its seat once its
    // reservation has surely expired.
    this.clock.setTimeout(
      () => {
        if (!this.state.members.has(sessionId)) this.seats.release(sessionId);
      },
      this.seatReservationTimeout * 1000 + 1000,
    );
    return admitted.member;
  }

  override onJoin(client: LoungeClient): void {
    if (!client.auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    this.crowd.join(client, client.auth);
  }

  override onReconnect(client: LoungeClient): void {
    this.crowd.reconnect(client);
  }

  override onDrop(client: LoungeClient, code?: number): void {
    if (!this.crowd.dropped(client, code)) {
      this.onLeave(client);
      return;
    }
    this.crowd.awaitReconnection(client.sessionId, this.allowReconnection(client, RECONNECT_SECONDS));
  }

  override onLeave(client: LoungeClient): void {
    this.crowd.leave(client);
    this.seats.release(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.unsubscribe?.();
    this.seats.releaseAll();
    await this.crowd.dispose();
  }
}
