import type { Presence } from '@colyseus/core';
import type { EventServerMessages } from '../../shared/protocol/live-events.ts';
import type { LoungeServerMessages } from '../../shared/protocol/lounge-messages.ts';
import type { AppContext } from '../context.ts';

type Messages = LoungeServerMessages & EventServerMessages;

/** Messages any process may send one member, wherever their room lives. */
export type MemberMessageType = 'quests' | 'stampEarned' | 'prizeWon' | 'delivery' | 'dropResult';

/** The member messages as a server->client message map: every room that seats members may receive them. */
export type MemberMessages = Pick<Messages, MemberMessageType>;

export type MemberMessage = {
  [K in MemberMessageType]: { type: K; payload: Messages[K] };
}[MemberMessageType];

/** Not for clients: the member's sessions changed (a browser signed out, erased, merged); rooms re-check theirs. */
export interface SessionsEnded {
  type: 'sessionsEnded';
}

/** Not for clients: the member's staff role may have changed (granted, revoked); rooms re-check their hosts. */
export interface RoleChanged {
  type: 'roleChanged';
}

/** Not for clients: the member's avatar look changed (encoded, shared/avatar-look.ts); rooms seating them show it. */
export interface LookChanged {
  type: 'lookChanged';
  look: string;
}

/** Everything a member's channel carries. */
export type MemberSignal = MemberMessage | MemberRecheck | LookChanged;

/** The signals that make every room re-check a member's connections (session, role), in any process. */
export type MemberRecheck = SessionsEnded | RoleChanged;

/** Whether a member-channel message asks for a re-check rather than carrying something to show the member. */
export const isRecheck = (message: MemberSignal): message is MemberRecheck =>
  message.type === 'sessionsEnded' || message.type === 'roleChanged';

const topic = (memberId: string) => `member:${memberId}`;

/** Publishes to every room (in any process sharing presence) where `memberId` is seated. */
export function publishToMember(
  ctx: Pick<AppContext, 'presence' | 'logger'>,
  memberId: string,
  message: MemberSignal,
): void {
  void Promise.resolve(ctx.presence.publish(topic(memberId), message)).catch((err: unknown) =>
    ctx.logger.error({ err, memberId, type: message.type }, 'could not publish to member'),
  );
}

/** A room's subscriptions to its seated members' channels, counted per member (one member may have two tabs). */
export class MemberFeed {
  private readonly subscribed = new Map<
    string,
    { seats: number; listener: (message: MemberSignal) => void }
  >();

  constructor(
    private readonly presence: Presence,
    private readonly deliver: (memberId: string, message: MemberSignal) => void,
  ) {}

  async add(memberId: string): Promise<void> {
    const current = this.subscribed.get(memberId);
    if (current) {
      current.seats += 1;
      return;
    }
    const listener = (message: MemberSignal) => this.deliver(memberId, message);
    this.subscribed.set(memberId, { seats: 1, listener });
    await this.presence.subscribe(topic(memberId), listener);
  }

  remove(memberId: string): void {
    const current = this.subscribed.get(memberId);
    if (!current) return;
    current.seats -= 1;
    if (current.seats > 0) return;
    this.subscribed.delete(memberId);
    this.presence.unsubscribe(topic(memberId), current.listener);
  }

  dispose(): void {
    for (const [memberId, { listener }] of this.subscribed)
      this.presence.unsubscribe(topic(memberId), listener);
    this.subscribed.clear();
  }
}

/** Tells every room seating `memberId` (any process) to drop connections whose session has ended. */
export function announceSessionsEnded(ctx: Pick<AppContext, 'presence' | 'logger'>, memberId: string): void {
  publishToMember(ctx, memberId, { type: 'sessionsEnded' });
}

/** Tells every room seating `memberId` (any process) to re-check their staff role: a host who lost it is walked out. */
export function announceRoleChanged(ctx: Pick<AppContext, 'presence' | 'logger'>, memberId: string): void {
  publishToMember(ctx, memberId, { type: 'roleChanged' });
}
