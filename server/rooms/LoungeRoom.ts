import { type Client, Room, ServerError, validate } from '@colyseus/core';
import { loungeColliders, WALK_SPEED } from '../../shared/content/lounge-layout.ts';
import { type Steering, stepAvatar } from '../../shared/movement.ts';
import { JoinErrorCode, JoinOptions } from '../../shared/protocol/join.ts';
import {
  type ChatLine,
  ChatSend,
  EmoteSend,
  type LoungeServerMessages,
  MoveIntent,
  MoveTarget,
} from '../../shared/protocol/lounge-messages.ts';
import { LoungeState, Member } from '../../shared/state/LoungeState.ts';
import { type ResolvedSession, resolveSession } from '../auth/sessions.ts';
import { EMOTE_DURATION_MS, spawnPose, tierForSession } from '../domain/lounge-members.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { services } from '../services.ts';

interface LoungeAuth {
  memberId: string;
  name: string;
  tier: string;
}

type LoungeClient = Client<{ auth: LoungeAuth; messages: LoungeServerMessages }>;

/** Server ticks per second; movement is integrated at this fixed step. */
export const LOUNGE_TICK_RATE = 20;

/** The public lounge: validates inputs, integrates movement, relays chat and emotes. Logic lives in shared/ and domain/. */
export class LoungeRoom extends Room<{ state: LoungeState; client: LoungeClient }> {
  override maxMessagesPerSecond = 30;
  override state = new LoungeState();

  private readonly steering = new Map<string, Steering>();
  private readonly emoteUntil = new Map<string, number>();
  private readonly chatLimiter = new KeyedRateLimiter(5, 1);
  private readonly emoteLimiter = new KeyedRateLimiter(3, 1);
  private chatSeq = 0;

  override messages = {
    move: validate(MoveIntent, (client, input) => {
      const still = input.x === 0 && input.z === 0;
      this.steering.set(client.sessionId, still ? null : { kind: 'intent', x: input.x, z: input.z });
    }),
    moveTo: validate(MoveTarget, (client, target) => {
      this.steering.set(client.sessionId, { kind: 'target', x: target.x, z: target.z });
    }),
    chat: validate(ChatSend, (client, message) => this.relayChat(client as LoungeClient, message.text)),
    emote: validate(EmoteSend, (client, message) => {
      const member = this.state.members.get(client.sessionId);
      if (!member || !this.emoteLimiter.take(client.sessionId, Date.now())) return;
      member.emote = message.emote;
      member.emoteSeq = (member.emoteSeq + 1) % 65536;
      this.emoteUntil.set(client.sessionId, Date.now() + EMOTE_DURATION_MS);
    }),
  };

  override onCreate(options: { capacity?: number }): void {
    this.maxClients = options.capacity ?? services().config.loungeCapacity;
    this.setFixedTimestep((ctx) => this.step(ctx.dt), LOUNGE_TICK_RATE);
    this.patchRate = 1000 / LOUNGE_TICK_RATE;
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
    };
  }

  /** Hook after the session is known, before the seat is given: gated rooms check ownership here. */
  protected async admit(_client: Client, _session: ResolvedSession): Promise<void> {}

  override onJoin(client: LoungeClient): void {
    const auth = client.auth;
    if (!auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    const pose = spawnPose(Math.random);
    const member = new Member();
    member.id = auth.memberId;
    member.name = auth.name;
    member.tier = auth.tier;
    member.x = pose.x;
    member.z = pose.z;
    member.heading = pose.heading;
    this.state.members.set(client.sessionId, member);
  }

  override onLeave(client: LoungeClient): void {
    this.state.members.delete(client.sessionId);
    this.steering.delete(client.sessionId);
    this.emoteUntil.delete(client.sessionId);
  }

  private relayChat(client: LoungeClient, text: string): void {
    const member = this.state.members.get(client.sessionId);
    if (!member) return;
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
  }

  private step(dt: number): void {
    const now = Date.now();
    for (const [sessionId, member] of this.state.members) {
      const until = this.emoteUntil.get(sessionId);
      if (until !== undefined && now >= until) {
        member.emote = '';
        this.emoteUntil.delete(sessionId);
      }
      const steering = this.steering.get(sessionId);
      if (!steering) continue;
      const result = stepAvatar(member, steering, dt, WALK_SPEED, loungeColliders);
      if (result.pose.x !== member.x) member.x = result.pose.x;
      if (result.pose.z !== member.z) member.z = result.pose.z;
      if (result.pose.heading !== member.heading) member.heading = result.pose.heading;
      if (!result.moving && steering.kind === 'target') this.steering.set(sessionId, null);
    }
  }
}
