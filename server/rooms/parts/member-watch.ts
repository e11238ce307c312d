import type { AppContext } from '../../context.ts';
import { isRecheck, MemberFeed } from '../../members/member-channel.ts';
import { type RecheckedClient, recheckClient, recheckMember } from './member-recheck.ts';

/**
 * A room without a crowd (the game cabinets) listening on its seated members' channels: a signed-out, erased or
 * re-bound member's connection is walked out at once, in whichever process the signal was sent. Each connection is
 * counted once, however many times the room's leave hooks run for it.
 */
export class MemberWatch {
  private readonly feed: MemberFeed;
  /** Seated connections and their member: a second leave of the same connection finds nothing to release. */
  private readonly watched = new Map<string, string>();

  constructor(
    private readonly ctx: AppContext,
    private readonly clients: () => Iterable<RecheckedClient>,
  ) {
    this.feed = new MemberFeed(ctx.presence, (memberId, message) => {
      if (isRecheck(message)) void recheckMember(ctx, this.clients(), memberId);
    });
  }

  /** A connection took its seat: its member's channel is heard from now on. */
  seated(sessionId: string, memberId: string): void {
    if (this.watched.has(sessionId)) return;
    this.watched.set(sessionId, memberId);
    void this.feed.add(memberId);
  }

  /** A connection left for good (or was refused): its member's channel is released once its last seat goes. */
  left(sessionId: string): void {
    const memberId = this.watched.get(sessionId);
    if (memberId === undefined) return;
    this.watched.delete(sessionId);
    this.feed.remove(memberId);
  }

  /** No signal reaches a dropped connection: one that reconnects is re-checked as it comes back. */
  reconnected(client: RecheckedClient): void {
    void recheckClient(this.ctx, client);
  }

  dispose(): void {
    this.feed.dispose();
    this.watched.clear();
  }
}
