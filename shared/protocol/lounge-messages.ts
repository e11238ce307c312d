import { z } from 'zod';
import { LOUNGE_BOUNDS } from '../content/lounge-layout.ts';
import { ALL_ZONE_IDS } from '../content/room-layouts.ts';
import { DRINKS, type Drink, type DrinkRefusal } from '../content/vip-bar.ts';
import { memberText } from '../text/text-schemas.ts';
import { CHAT_MAX_LENGTH } from './limits.ts';
import type { DeliveryUpdate, PrizeView, QuestsSnapshot, StampEarned } from './quests.ts';

export { CHAT_MAX_LENGTH };

export const EMOTES = ['wave', 'clap', 'cheer'] as const;
export type Emote = (typeof EMOTES)[number];

const unit = z.number().finite().min(-1).max(1);

/** Walk in a direction (keyboard or joystick); a zero vector stops. */
export const MoveIntent = z.strictObject({ x: unit, z: unit });
export type MoveIntent = z.infer<typeof MoveIntent>;

/** Walk to a point on the floor (click or tap); the server paths around nothing, it slides along colliders. */
export const MoveTarget = z.strictObject({
  x: z.number().finite().min(LOUNGE_BOUNDS.minX).max(LOUNGE_BOUNDS.maxX),
  z: z.number().finite().min(LOUNGE_BOUNDS.minZ).max(LOUNGE_BOUNDS.maxZ),
});
export type MoveTarget = z.infer<typeof MoveTarget>;

export const ChatSend = z.strictObject({
  text: memberText(CHAT_MAX_LENGTH),
});
export type ChatSend = z.infer<typeof ChatSend>;

export const EmoteSend = z.strictObject({ emote: z.enum(EMOTES) });
export type EmoteSend = z.infer<typeof EmoteSend>;

/** Use an object of a room (its id is a layout zone id); it counts only while standing in that zone. */
export const Interact = z.strictObject({
  objectId: z.string().refine((id) => ALL_ZONE_IDS.has(id), 'must be an object of the lounge'),
});
export type Interact = z.infer<typeof Interact>;

/** Order a drink at the VIP bar (only served while standing at it, a few a minute). */
export const OrderDrink = z.strictObject({ drink: z.enum(DRINKS) });
export type OrderDrink = z.infer<typeof OrderDrink>;

/** The bar's answer to the member who ordered: served, or refused with the reason. */
export type BarReply = { served: true; drink: Drink } | { served: false; reason: DrinkRefusal };

/** Client -> server messages of the lounge room: one schema per message type. */
export const LoungeClientMessages = {
  move: MoveIntent,
  moveTo: MoveTarget,
  chat: ChatSend,
  emote: EmoteSend,
  interact: Interact,
  orderDrink: OrderDrink,
} as const;

export type LoungeClientMessageType = keyof typeof LoungeClientMessages;

/** A chat line as every member in the room receives it. */
export interface ChatLine {
  id: string;
  memberId: string;
  name: string;
  text: string;
  at: number;
}

/** Codes the client translates; the server never sends prose a member reads. */
export const NOTICE_CODES = ['chatRateLimited', 'chatTooLong', 'gateLost'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Server -> client messages of the lounge room. */
export interface LoungeServerMessages {
  chat: ChatLine;
  notice: { code: NoticeCode };
  /** The receiving member's journeys, passport and status: on join and after anything is recorded. */
  quests: QuestsSnapshot;
  /** A stamp the receiving member just earned (sent after the ledger recorded it). */
  stampEarned: StampEarned;
  /** A prize the receiving member just won (recorded; the oracle mints it next, or holds it for a guest). */
  prizeWon: PrizeView;
  /** A stamp token or prize moved on its way to the receiving member's wallet. */
  delivery: DeliveryUpdate;
  /** New content was published (issue 20): refetch GET /api/content (its ETag is `"v<version>"`). */
  contentChanged: { version: number };
  /** The VIP bar's answer to this member's order. */
  barReply: BarReply;
}
