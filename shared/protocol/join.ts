import { z } from 'zod';

/** Options a client passes when joining any Layover room: only its bearer token, never an identity. */
export const JoinOptions = z.object({ token: z.string().min(20).max(200) });
export type JoinOptions = z.infer<typeof JoinOptions>;

/** Codes a join can fail with; the client shows each in the member's language. */
export const JoinErrorCode = {
  unauthorized: 4401,
  sessionExpired: 4403,
  /** The member's wallet does not meet the room's gate rule (or there is no wallet). */
  gateDenied: 4410,
  /** Every pass that qualifies the member already holds a seat in this room for another session. */
  passInUse: 4412,
  /** No such live event (or it was cancelled). */
  eventNotFound: 4420,
  /** The event's doors are not open yet, or it has ended. */
  eventNotOpen: 4421,
  /** The host banned this member from the event or from all of the brand's events. */
  eventBanned: 4422,
} as const;

/** Close codes a room leaves a member with; a `notice` with the same code comes first. */
export const LeaveCode = {
  /** The member no longer qualifies for the gated room (the pass moved away). */
  gateLost: 4411,
  /** The host removed the member from the event (they may come back). */
  eventRemoved: 4423,
  /** The host banned the member; they cannot come back. */
  eventBanned: 4422,
  /** The event is over; everyone returns to the lounge. */
  eventEnded: 4424,
  /** The same member joined this room on another connection (a reload, another tab or device): the newest stays. */
  openedElsewhere: 4413,
  /** The member's session ended while connected (signed out on that browser, everywhere, or erased). */
  sessionEnded: 4414,
  /** The host lost the staff role while in the hall: they leave it and may come back as a member. */
  roleChanged: 4415,
} as const;
