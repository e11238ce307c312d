import type { Client } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import type { ChatLine, Emote } from '../../../shared/protocol/lounge-messages.ts';
import type { Member } from '../../../shared/state/LoungeState.ts';
import { EMOTE_DURATION_MS } from '../../domain/lounge-members.ts';
import { KeyedRateLimiter } from '../../domain/rate-limit.ts';
import type { DropReason } from '../../observability/metrics.ts';

/** What the chat part needs of its room: the members, who may speak, and a way to reach everyone. */
export interface ChatRoom {
  readonly members: MapSchema<Member>;
  readonly roomId: () => string;
  broadcastChat: (line: ChatLine) => void;
  /** Whether a member may chat and emote (a hall says no to members the host muted, and tells them). */
  maySpeak: (client: Client) => boolean;
  /** A message ignored, for the room's `layover_message_drops_total`. */
  dropped?: (reason: DropReason) => void;
  /** The process's chat and emote limiters, keyed by member id so a rejoin does not refill them (rooms pass them). */
  limits?: { chat: KeyedRateLimiter; emote: KeyedRateLimiter };
}

/** Chat lines and emotes: rate-limited per member, relayed to the room, emotes cleared after a few seconds. */
export class ChatEmotes {
  private readonly emoteUntil = new Map<string, number>();
  private readonly limits: { chat: KeyedRateLimiter; emote: KeyedRateLimiter };
  private chatSeq = 0;

  constructor(private readonly room: ChatRoom) {
    this.limits = room.limits ?? { chat: new KeyedRateLimiter(5, 1), emote: new KeyedRateLimiter(3, 1) };
  }

  /** Relays a chat line; the line it sent, or undefined when the sender may not speak or is over the rate. */
  chat(client: Client, text: string, now: number): ChatLine | undefined {
    const member = this.room.members.get(client.sessionId);
    if (!member) return undefined;
    if (!this.room.maySpeak(client)) return this.drop('muted');
    if (!this.limits.chat.take(member.id, now)) {
      this.room.dropped?.('chatRateLimited');
      client.send('notice', { code: 'chatRateLimited' });
      return undefined;
    }
    this.chatSeq += 1;
    const line: ChatLine = {
      id: `${this.room.roomId()}:${this.chatSeq}`,
      memberId: member.id,
      name: member.name,
      text,
      at: now,
    };
    this.room.broadcastChat(line);
    return line;
  }

  /** Shows an emote over the sender's avatar; the member who emoted, or undefined when refused. */
  emote(client: Client, emote: Emote, now: number): Member | undefined {
    const member = this.room.members.get(client.sessionId);
    if (!member) return undefined;
    if (!this.room.maySpeak(client)) return this.drop('muted');
    if (!this.limits.emote.take(member.id, now)) return this.drop('emoteRateLimited');
    member.emote = emote;
    member.emoteSeq = (member.emoteSeq + 1) % 65536;
    this.emoteUntil.set(client.sessionId, now + EMOTE_DURATION_MS);
    return member;
  }

  /** Shows an emote over a member's avatar on the room's behalf (a drink served): no limit, no speaking check. */
  cue(sessionId: string, emote: Emote, now: number): void {
    const member = this.room.members.get(sessionId);
    if (!member) return;
    member.emote = emote;
    member.emoteSeq = (member.emoteSeq + 1) % 65536;
    this.emoteUntil.set(sessionId, now + EMOTE_DURATION_MS);
  }

  private drop(reason: DropReason): undefined {
    this.room.dropped?.(reason);
    return undefined;
  }

  /** Clears emotes whose time is up; called each tick. */
  step(now: number): void {
    for (const [sessionId, until] of this.emoteUntil) {
      if (now < until) continue;
      const member = this.room.members.get(sessionId);
      if (member) member.emote = '';
      this.emoteUntil.delete(sessionId);
    }
  }

  forget(sessionId: string): void {
    this.emoteUntil.delete(sessionId);
  }
}
