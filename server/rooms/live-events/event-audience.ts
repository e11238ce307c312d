import type { AudienceMessage } from '../../../shared/protocol/live-events.ts';
import { EVENT_ROOM } from '../../../shared/rooms.ts';
import type { RateLimit } from '../../domain/rate-limit.ts';
import { claimDrop, drawDueRaffle, dropCounts, findDrop } from '../../live-events/drops.ts';
import { reportMember } from '../../live-events/moderation.ts';
import { castVote, pollTallies } from '../../live-events/polls.ts';
import { publishToMember } from '../../members/member-channel.ts';
import type { DropReason } from '../../observability/metrics.ts';
import { claimPrefix } from '../../prizes/claims.ts';
import { prizeRequirement } from '../../prizes/eligibility.ts';
import { prizeView } from '../../quests/passport.ts';
import { memberLimiter, ROOM_LIMITS } from '../parts/member-limits.ts';
import type { Hall, SeatedHallClient } from './hall.ts';

/** What the audience does in a hall: reactions, questions, votes, drop claims and reports. */
export class EventAudience {
  private questionSeq = 0;
  private tallyPending = false;
  private countPending = false;
  private drawing = false;

  constructor(private readonly room: Hall) {}

  /** Whether the member may act again under `limit`: the process's limiter, keyed by member, survives a rejoin. */
  private allowed(limit: RateLimit, client: SeatedHallClient): boolean {
    return memberLimiter(this.room.ctx, limit).take(client.auth.memberId, this.room.ctx.clock.now());
  }

  /** A new instance starts from the ledger's tallies and drop counts. */
  async restore(): Promise<void> {
    const { poll, drop } = this.room.state.stage;
    if (poll.id) this.publishTallies();
    if (drop.id) this.publishDropCount();
  }

  react(client: SeatedHallClient, message: AudienceMessage<'react'>): void {
    if (!this.mayTalk(client)) return;
    if (!this.allowed(ROOM_LIMITS.reaction, client)) {
      this.dropped('reactionRateLimited');
      return;
    }
    this.room.broadcastReaction(client.auth.memberId, message.reaction);
  }

  ask(client: SeatedHallClient, message: AudienceMessage<'ask'>): void {
    if (!this.mayTalk(client)) return;
    if (!this.allowed(ROOM_LIMITS.question, client)) {
      this.dropped('questionRateLimited');
      this.room.notice(client, 'rateLimited');
      return;
    }
    this.questionSeq += 1;
    this.room.publish({
      t: 'question',
      question: {
        id: `${this.room.roomId}:${this.questionSeq}`,
        memberId: client.auth.memberId,
        name: client.auth.name,
        text: message.text,
        at: Date.now(),
      },
    });
  }

  async vote(client: SeatedHallClient, message: AudienceMessage<'vote'>): Promise<void> {
    const { poll } = this.room.state.stage;
    if (!poll.open || poll.id !== message.pollId || message.option >= poll.options.length)
      return this.room.notice(client, 'pollClosed');
    const counted = await castVote(this.room.ctx.ledger.db, poll.id, client.auth.memberId, message.option);
    this.room.notice(client, counted ? 'voteRecorded' : 'alreadyVoted');
    if (counted) this.publishTallies();
  }

  async claim(client: SeatedHallClient, message: AudienceMessage<'claimDrop'>): Promise<void> {
    const event = this.room.event;
    if (!event) return;
    const { db } = this.room.ctx.ledger;
    const result =
      this.room.state.stage.drop.id === message.dropId
        ? await claimDrop(
            db,
            event.id,
            message.dropId,
            client.auth.memberId,
            new Date(),
            this.room.ctx.custodyAddress,
            prizeRequirement(this.room.ctx.config),
            this.room.ctx.content.current().bundle.prizes,
          )
        : { outcome: 'notFound' as const };
    const prize = result.prize ? prizeView(await claimPrefix(db), result.prize) : undefined;
    client.send('dropResult', {
      dropId: message.dropId,
      outcome: result.outcome,
      ...(prize ? { prize } : {}),
    });
    if (prize) client.send('prizeWon', prize);
    if (result.outcome === 'won' || result.outcome === 'entered') this.publishDropCount();
  }

  async report(client: SeatedHallClient, message: AudienceMessage<'report'>): Promise<void> {
    const event = this.room.event;
    if (!event || message.memberId === client.auth.memberId) return;
    if (!this.allowed(ROOM_LIMITS.report, client)) {
      this.dropped('reportRateLimited');
      return this.room.notice(client, 'rateLimited');
    }
    await reportMember(this.room.ctx.ledger.db, {
      eventId: event.id,
      reporterId: client.auth.memberId,
      memberId: message.memberId,
      reason: message.reason,
      note: message.note,
    });
    this.room.notice(client, 'reported');
  }

  /** Closes the drop window on time; a raffle is drawn by whichever instance gets there first. */
  tickDrop(now: number): void {
    const { drop } = this.room.state.stage;
    if (!drop.id || drop.state !== 'open' || now < drop.closesAt) return;
    drop.state = 'closed';
    if (drop.mode === 'raffle') void this.draw(drop.id);
  }

  private async draw(dropKey: string): Promise<void> {
    const event = this.room.event;
    if (!event || this.drawing) return;
    this.drawing = true;
    try {
      const { db } = this.room.ctx.ledger;
      const draw = await drawDueRaffle(
        db,
        event.id,
        dropKey,
        new Date(),
        this.room.ctx.custodyAddress,
        prizeRequirement(this.room.ctx.config),
        this.room.ctx.content.current().bundle.prizes,
      );
      if (!draw) return;
      const prefix = await claimPrefix(db);
      for (const { memberId, prize } of draw.winners) {
        const view = prizeView(prefix, prize);
        publishToMember(this.room.ctx, memberId, {
          type: 'dropResult',
          payload: { dropId: dropKey, outcome: 'won', prize: view },
        });
        publishToMember(this.room.ctx, memberId, { type: 'prizeWon', payload: view });
      }
      for (const memberId of draw.losers)
        publishToMember(this.room.ctx, memberId, {
          type: 'dropResult',
          payload: { dropId: dropKey, outcome: 'lost' },
        });
      this.room.publish({
        t: 'dropCount',
        dropId: dropKey,
        claimed: draw.winners.length,
        entrants: draw.winners.length + draw.losers.length,
        state: 'drawn',
        seed: draw.seed,
      });
    } catch (err) {
      this.room.ctx.logger.error({ err, eventId: event.id, dropId: dropKey }, 'raffle not drawn');
    } finally {
      this.drawing = false;
    }
  }

  private mayTalk(client: SeatedHallClient): boolean {
    if (!this.room.state.muted.has(client.auth.memberId)) return true;
    this.dropped('muted');
    this.room.notice(client, 'muted');
    return false;
  }

  private dropped(reason: DropReason): void {
    this.room.ctx.metrics.messageDrops.inc({ room: EVENT_ROOM, reason });
  }

  // Tallies and counts go out at most four times a second, whatever the vote rate.
  private publishTallies(): void {
    if (this.tallyPending) return;
    this.tallyPending = true;
    this.room.later(() => {
      this.tallyPending = false;
      void this.sendTallies().catch((err) => this.room.ctx.logger.error({ err }, 'poll tallies not sent'));
    }, 250);
  }

  private async sendTallies(): Promise<void> {
    const { poll } = this.room.state.stage;
    if (!poll.id) return;
    const tallies = await pollTallies(this.room.ctx.ledger.db, poll.id, poll.options.length);
    this.room.publish({ t: 'tally', pollId: poll.id, tallies });
  }

  private publishDropCount(): void {
    if (this.countPending) return;
    this.countPending = true;
    this.room.later(() => {
      this.countPending = false;
      void this.sendDropCount().catch((err) => this.room.ctx.logger.error({ err }, 'drop count not sent'));
    }, 250);
  }

  private async sendDropCount(): Promise<void> {
    const event = this.room.event;
    const { drop } = this.room.state.stage;
    if (!event || !drop.id) return;
    const { db } = this.room.ctx.ledger;
    const row = await findDrop(db, event.id, drop.id);
    if (!row) return;
    const counts = await dropCounts(db, row.id);
    const state = row.drawnAt ? 'drawn' : Date.now() >= row.closesAt.getTime() ? 'closed' : 'open';
    this.room.publish({
      t: 'dropCount',
      dropId: drop.id,
      ...counts,
      state,
      seed: row.drawnAt ? row.seed : '',
    });
  }
}
