import { z } from 'zod';
import { type HallId, LiveEventSpec, type LiveEventStatus } from '../content/live-events.ts';
import { memberText, optionalMemberText } from '../text/text-schemas.ts';
import type { PrizeView } from './quests.ts';
import type { StaffRoleName } from './staff-roles.ts';

/** Emoji a member can burst over the crowd (ids; the client draws them). */
export const REACTIONS = ['clap', 'heart', 'fire', 'laugh', 'wow', 'plane'] as const;
export type Reaction = (typeof REACTIONS)[number];

const text = memberText;
const memberId = z.string().min(1).max(64);

/** Join options of an event room: the session token and which event. */
export const EventJoinOptions = z.strictObject({
  token: z.string().min(20).max(200),
  eventId: z.string().min(1).max(64),
});
export type EventJoinOptions = z.infer<typeof EventJoinOptions>;

/** Audience messages (everyone in the hall). Movement, chat and emotes are the lounge's own. */
export const AudienceMessages = {
  react: z.strictObject({ reaction: z.enum(REACTIONS) }),
  ask: z.strictObject({ text: text(200) }),
  vote: z.strictObject({ pollId: z.string().min(1).max(64), option: z.number().int().min(0).max(3) }),
  claimDrop: z.strictObject({ dropId: z.string().min(1).max(64) }),
  report: z.strictObject({
    memberId,
    reason: z.enum(['abuse', 'spam', 'other']),
    note: optionalMemberText(200),
  }),
} as const;

/** Host messages: every one is refused with `notHost` unless the sender holds the host role. */
export const HostMessages = {
  announce: z.strictObject({ text: text(200) }),
  spotlight: z.strictObject({ memberId: memberId.nullable() }),
  startPoll: z.strictObject({ question: text(140), options: z.array(text(60)).min(2).max(4) }),
  /** A Gate Trivia question for the audience, from the trivia packs; the answer shows when it closes. */
  startTrivia: z.strictObject({}),
  closePoll: z.strictObject({}),
  /** Releases one of the event's scheduled drops (by its id in the event spec). */
  releaseDrop: z.strictObject({ dropId: z.string().min(1).max(64) }),
  pinQuestion: z.strictObject({ questionId: z.string().min(1).max(80).nullable() }),
  mute: z.strictObject({ memberId, muted: z.boolean() }),
  remove: z.strictObject({ memberId }),
  ban: z.strictObject({ memberId, scope: z.enum(['event', 'brand']) }),
  endEvent: z.strictObject({}),
} as const;

export type AudienceMessageType = keyof typeof AudienceMessages;
export type HostMessageType = keyof typeof HostMessages;
export type AudienceMessage<T extends AudienceMessageType> = z.infer<(typeof AudienceMessages)[T]>;
export type HostMessage<T extends HostMessageType> = z.infer<(typeof HostMessages)[T]>;

/** What a claim came to, for the member who sent it. */
export const DROP_OUTCOMES = [
  'won',
  'entered',
  'lost',
  'already',
  'soldOut',
  'closed',
  'notFound',
  'dailyCap',
] as const;
export type DropOutcome = (typeof DROP_OUTCOMES)[number];

/** Codes the client translates for event notices. */
export const EVENT_NOTICE_CODES = [
  'notHost',
  'muted',
  'unmuted',
  'removed',
  'banned',
  'eventEnded',
  'eventNotLive',
  'reported',
  'voteRecorded',
  'alreadyVoted',
  'pollClosed',
  'dropUnknown',
  'dropAlreadyReleased',
  'rateLimited',
  'attended',
] as const;
export type EventNoticeCode = (typeof EVENT_NOTICE_CODES)[number];

/** Server -> client messages of the event room, on top of the lounge's. */
export interface EventServerMessages {
  reaction: { memberId: string; reaction: Reaction };
  eventNotice: { code: EventNoticeCode };
  dropResult: { dropId: string; outcome: DropOutcome; prize?: PrizeView };
}

/** An event as the lounge lists it (departures board, "live now" banner). */
export interface PublicLiveEvent {
  id: string;
  title: string;
  description: string;
  hall: HallId;
  startsAt: string;
  endsAt: string;
  status: LiveEventStatus;
  /** Doors are open: members may enter the hall now. */
  open: boolean;
  access: LiveEventSpec['access'];
  /** The scheduled drops (what the host can release). */
  drops: LiveEventSpec['drops'];
  attendMinutes: number;
  attendanceStampId: string;
}

/** GET /api/events */
export interface PublicEventsResponse {
  events: PublicLiveEvent[];
  now: string;
}

/** POST/PUT /api/console/events body. */
export const ConsoleEventBody = LiveEventSpec;

/** An event as the console sees it. */
export interface ConsoleLiveEvent extends PublicLiveEvent {
  spec: LiveEventSpec;
  createdBy: string;
  createdAt: string;
}

/** GET /api/console/me */
export interface ConsoleMe {
  memberId: string;
  name: string;
  /** The wallet, or `member:<id>` for staff without one (what events record as their creator; never an email). */
  address: string;
  /** The wallet address, if the member has one. */
  wallet: string | null;
  /** Every team role the member holds (never empty): the console shows what they may use (mayDo). */
  roles: StaffRoleName[];
}

/** GET /api/console/events/:id/live: the hall right now, across instances and processes. */
export interface ConsoleLiveView {
  eventId: string;
  status: LiveEventStatus;
  present: number;
  instances: { roomId: string; clients: number; maxClients: number }[];
  questions: { id: string; name: string; text: string; pinned: boolean; at: number }[];
  reports: { id: number; reporter: string; member: string; reason: string; note: string; at: string }[];
  drops: ConsoleDropView[];
  bans: { memberId: string; name: string; scope: 'event' | 'brand'; at: string }[];
}

export interface ConsoleDropView {
  dropId: string;
  prizeId: string;
  mode: 'first' | 'raffle';
  supply: number;
  claimed: number;
  entrants: number;
  openedAt: string | null;
  closesAt: string | null;
  /** Raffle: sha256 of the seed, published when the drop opens; the seed once drawn. */
  commit: string | null;
  seed: string | null;
  delivered: number;
}

/** GET /api/console/events/:id/analytics: how it went, from the ledger. */
export interface ConsoleAnalytics {
  eventId: string;
  /** Members present per minute from doors open to the end. */
  attendance: { at: string; present: number }[];
  uniqueVisitors: number;
  attended: number;
  drops: ConsoleDropView[];
  /** Prizes of this event by outbox status. */
  prizes: Record<string, number>;
  /** Per quest, how many members reached each step (funnel), across the brand. */
  funnel: { questId: string; steps: { stepId: string; members: number }[]; completed: number }[];
}

/** Content kinds, the console's view of content and a saved draft's answer now live in ./content.ts (issue 20). */
export {
  CONTENT_KINDS,
  type ConsoleContent,
  type ContentKind,
  type ContentSaved,
} from './content.ts';
