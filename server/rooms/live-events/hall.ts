import type { Client } from '@colyseus/core';
import type { Pose } from '../../../shared/movement.ts';
import type { EventNoticeCode, EventServerMessages, Reaction } from '../../../shared/protocol/live-events.ts';
import type { LoungeServerMessages } from '../../../shared/protocol/lounge-messages.ts';
import type { EventState } from '../../../shared/state/EventState.ts';
import type { AdmittedMember } from '../../auth/admission.ts';
import type { AppContext } from '../../context.ts';
import type { LiveEventRow } from '../../live-events/schedule.ts';
import type { StageSignal } from '../../live-events/stage-channel.ts';
import type { MemberMessages } from '../../members/member-channel.ts';

/** A hall's client: admitted like any member (with the host role looked up), sent the lounge's and the hall's messages. */
export type HallClient = Client<{
  auth: AdmittedMember;
  messages: LoungeServerMessages & EventServerMessages & MemberMessages;
}>;

/** A hall client past onJoin: its auth is always there. */
export type SeatedHallClient = HallClient & { auth: AdmittedMember };

/** What the audience and host parts need of the hall they serve; the room implements it (no import of the room). */
export interface Hall {
  readonly ctx: AppContext;
  readonly state: EventState;
  readonly roomId: string;
  /** The event this instance shows; undefined when it was not found. */
  readonly event: LiveEventRow | undefined;
  /** Runs `callback` once after `ms` on the room's clock (cleared when the room goes). */
  later(callback: () => void, ms: number): void;
  /** Sends to every instance of the event, this one included. */
  publish(signal: StageSignal): void;
  /** A translated notice to one client, at most a few a second. */
  notice(client: HallClient, code: EventNoticeCode): void;
  broadcastReaction(memberId: string, reaction: Reaction): void;
  /** Where a member stands in this instance, at full precision. */
  poseOfMember(memberId: string): Pose | undefined;
}
