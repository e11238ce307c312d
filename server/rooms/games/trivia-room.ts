import { validate } from '@colyseus/core';
import { triviaGame } from '../../../shared/content/games.ts';
import type { TriviaLocale, TriviaPack } from '../../../shared/content/trivia-schema.ts';
import { TriviaAnswer } from '../../../shared/protocol/games.ts';
import { TriviaState } from '../../../shared/state/GameTriviaState.ts';
import {
  answerPoints,
  drawTriviaRound,
  judgeAnswer,
  localizeQuestion,
  type RoundQuestion,
} from '../../domain/games/trivia.ts';
import { type GameClient, GameRoom } from './game-room.ts';

/**
 * Gate Trivia: timed multiple-choice questions. Each member gets the question in their language; answers count only
 * when received inside the window; the right choice and everyone's points show only once it has closed.
 */
export class TriviaRoom extends GameRoom<TriviaState> {
  override state = new TriviaState();
  protected override readonly game = triviaGame;

  private questions: RoundQuestion[] = [];
  private closesAt = 0;
  /** Session id -> turn -> the first answer taken in time (later ones are replays). */
  private readonly answers = new Map<string, Map<number, { choice: number; receivedAt: number }>>();
  protected override readonly inputRate = { burst: 3, perSecond: 2 };

  override messages = {
    ready: this.readyMessage,
    answer: validate(TriviaAnswer, (client, input) => {
      const player = this.state.players.get(client.sessionId);
      if (!player) return;
      const receivedAt = Date.now();
      if (!this.takeInput(client.sessionId, receivedAt)) {
        client.send('answered', { turn: input.turn, outcome: 'rateLimited' });
        return;
      }
      const mine = this.answers.get(client.sessionId) ?? new Map();
      const { turn, turns, choices } = this.state;
      const outcome = judgeAnswer(
        { phase: this.phase, turn, turns, choices, closesAt: this.closesAt, answered: new Set(mine.keys()) },
        input,
        receivedAt,
      );
      if (outcome === 'impossible') return this.expel(client);
      client.send('answered', { turn: input.turn, outcome });
      if (outcome !== 'accepted') return;
      mine.set(turn, { choice: input.choice, receivedAt });
      this.answers.set(client.sessionId, mine);
      player.answered = true;
      this.state.answeredCount += 1;
      // Everyone who is here has answered: close the window early.
      const waiting = [...this.state.players.values()].some((other) => other.connected && !other.answered);
      if (!waiting) this.reveal(receivedAt);
    }),
  };

  protected override prepareRound(): void {
    // The published packs at the round's start (issue 20): a publish applies to the next round, never mid-round.
    const content = this.ctx.content.current();
    const packs = triviaGame.packs.flatMap((id) => content.triviaPack(id) ?? []) as TriviaPack[];
    const round = drawTriviaRound(this.seed, packs, this.game.turns);
    this.questions = round.questions;
    this.state.packId = round.packId;
    this.answers.clear();
  }

  protected override beginPlay(now: number): void {
    this.openQuestion(0, now);
  }

  protected override advancePlay(now: number): void {
    if (this.phase === 'playing') {
      // Answers received at closesAt still count; the window shuts after it.
      if (now > this.closesAt) this.reveal(now);
    } else if (now >= this.state.phaseEndsAt) {
      if (this.state.turn + 1 < this.state.turns) this.openQuestion(this.state.turn + 1, now);
      else this.finishRound(now);
    }
  }

  protected override rejoined(client: GameClient): void {
    if (this.phase === 'playing') this.sendQuestion(client);
  }

  private openQuestion(turn: number, now: number): void {
    const asked = this.questions[turn];
    if (!asked) {
      this.finishRound(now);
      return;
    }
    this.state.turn = turn;
    this.state.choices = asked.order.length;
    this.state.correct = -1;
    this.state.answeredCount = 0;
    this.state.opensAt = now;
    this.closesAt = now + this.timing.turnMs;
    for (const player of this.state.players.values()) player.answered = false;
    this.setPhase('playing', this.closesAt);
    for (const client of this.clients) this.sendQuestion(client);
  }

  /** Closes the window: the right choice and every player's points for this question appear in state. */
  private reveal(now: number): void {
    const { turn } = this.state;
    const asked = this.questions[turn];
    if (!asked || this.phase !== 'playing') return;
    for (const [sessionId, player] of this.state.players) {
      const answer = this.answers.get(sessionId)?.get(turn);
      const points = answer
        ? answerPoints(
            { correct: answer.choice === asked.correct, receivedAt: answer.receivedAt },
            { opensAt: this.state.opensAt, windowMs: this.timing.turnMs },
          )
        : 0;
      player.gain = points;
      player.score += points;
    }
    this.state.correct = asked.correct;
    this.setPhase('reveal', now + this.timing.revealMs);
  }

  private packName(locale: TriviaLocale): string {
    const name = this.ctx.content.current().triviaPack(this.state.packId)?.name;
    return name ? (name[locale] ?? name.en) : this.state.packId;
  }

  private sendQuestion(client: GameClient): void {
    const asked = this.questions[this.state.turn];
    if (!asked) return;
    const text = localizeQuestion(asked, client.auth?.locale ?? 'en');
    client.send('question', {
      turn: this.state.turn,
      packId: this.state.packId,
      packName: this.packName(client.auth?.locale ?? 'en'),
      ...text,
      opensAt: this.state.opensAt,
      closesAt: this.closesAt,
    });
  }
}
