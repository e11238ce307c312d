import type { RoundResult } from '../../shared/protocol/games.ts';
import type { AppContext } from '../context.ts';
import { publishToMember } from '../members/member-channel.ts';
import { claimPrefix } from '../prizes/claims.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { loadQuestsSnapshot, prizeView } from '../quests/passport.ts';
import { recordGameRound } from './record-round.ts';

/** One player's end of a round, as the room decided it. */
export interface PlayerOutcome {
  memberId: string;
  score: number;
  rank: number;
  won: boolean;
}

/**
 * Writes each player's finished round to the ledger (in order per member, off the room tick), then tells the member:
 * their quests, stamps and prizes wherever their lounge is, and their round result in this room.
 */
export class RoundResults {
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly gameId: string,
    private readonly winnerPrize: string | undefined,
    private readonly deliver: (memberId: string, result: RoundResult) => void,
  ) {}

  record(
    round: { roomId: string; round: number; players: number; at: Date },
    outcomes: readonly PlayerOutcome[],
  ) {
    for (const outcome of outcomes) {
      const previous = this.writes.get(outcome.memberId) ?? Promise.resolve();
      const write = previous
        .then(() => this.write(round, outcome))
        .catch((err) =>
          this.ctx.logger.error(
            {
              err,
              gameId: this.gameId,
              roomId: round.roomId,
              round: round.round,
              memberId: outcome.memberId,
            },
            'game round not recorded',
          ),
        );
      this.writes.set(outcome.memberId, write);
      void write.then(() => {
        if (this.writes.get(outcome.memberId) === write) this.writes.delete(outcome.memberId);
      });
    }
  }

  /** Resolves once every queued write has finished. */
  async drain(): Promise<void> {
    while (this.writes.size > 0) await Promise.all(this.writes.values());
  }

  private async write(
    round: { roomId: string; round: number; players: number; at: Date },
    outcome: PlayerOutcome,
  ): Promise<void> {
    const { db } = this.ctx.ledger;
    const { memberId } = outcome;
    const recorded = await recordGameRound(db, {
      eventId: `${round.roomId}:${round.round}:${memberId}`,
      gameId: this.gameId,
      memberId,
      score: outcome.score,
      won: outcome.won,
      at: round.at,
      winnerPrize: this.winnerPrize,
      content: this.ctx.content.current().questContent,
      prizes: this.ctx.content.current().bundle.prizes,
      custody: this.ctx.custodyAddress,
      requires: prizeRequirement(this.ctx.config),
    });
    if (!recorded) return;
    const prefix = await claimPrefix(db);
    const snapshot = await loadQuestsSnapshot(
      db,
      memberId,
      Date.now(),
      this.ctx.content.current().questContent,
    );
    publishToMember(this.ctx, memberId, { type: 'quests', payload: snapshot });
    for (const effect of recorded.quest.effects) {
      if (effect.type !== 'StampEarned') continue;
      publishToMember(this.ctx, memberId, {
        type: 'stampEarned',
        payload: { stampId: effect.stampId, questId: effect.questId, earnedAt: round.at.getTime() },
      });
    }
    const prizes = recorded.prize ? [...recorded.quest.prizes, recorded.prize] : recorded.quest.prizes;
    for (const row of prizes)
      publishToMember(this.ctx, memberId, { type: 'prizeWon', payload: prizeView(prefix, row) });
    this.deliver(memberId, {
      gameId: this.gameId,
      round: round.round,
      score: outcome.score,
      rank: outcome.rank,
      players: round.players,
      won: outcome.won,
      dailyBest: recorded.dailyBest,
      allTimeBest: recorded.allTimeBest,
      prize: recorded.prize ? prizeView(prefix, recorded.prize) : null,
    });
  }
}
