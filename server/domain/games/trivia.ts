import type {
  TriviaLocale,
  TriviaPack,
  TriviaQuestion,
  TriviaText,
} from '../../../shared/content/trivia-schema.ts';
import type { GamePhase, InputOutcome, TriviaAnswer } from '../../../shared/protocol/games.ts';
import { pick, seededRandom, shuffled } from './random.ts';

/** Points for a right answer: `base`, plus up to `speed` more the sooner it came in the window. */
export const TRIVIA_POINTS = { base: 500, speed: 500 } as const;

/** One question as a round asks it: its choices in a seeded order, and which shown choice is right. */
export interface RoundQuestion {
  question: TriviaQuestion;
  /** Shown position -> index of the choice in the pack. */
  order: number[];
  /** Shown position of the right choice. */
  correct: number;
}

/** Draws a round from the seed: one of the game's packs, `turns` distinct questions, each with shuffled choices. */
export function drawTriviaRound(
  seed: number,
  packs: readonly TriviaPack[],
  turns: number,
): { packId: string; questions: RoundQuestion[] } {
  const random = seededRandom(seed, 0x74726976);
  const pack = packs[pick(random, packs.length)];
  if (!pack) throw new Error('Layover: trivia has no packs');
  const questions = shuffled(pack.questions, random)
    .slice(0, turns)
    .map((question) => {
      const order = shuffled(
        question.choices.map((_, index) => index),
        random,
      );
      return { question, order, correct: order.indexOf(question.answer) };
    });
  return { packId: pack.id, questions };
}

/** The question's text in `locale`, each piece falling back to English where the pack lacks it. */
export function localizeQuestion(
  asked: RoundQuestion,
  locale: TriviaLocale,
): { locale: TriviaLocale; prompt: string; choices: string[] } {
  const read = (text: TriviaText) => text[locale] ?? text.en;
  return {
    locale: asked.question.prompt[locale] ? locale : 'en',
    prompt: read(asked.question.prompt),
    choices: asked.order.map((index) => read(asked.question.choices[index] as TriviaText)),
  };
}

/** What an answer is worth now; `impossible` means no honest client sends it (drop the sender). */
export function judgeAnswer(
  round: {
    phase: GamePhase;
    turn: number;
    turns: number;
    choices: number;
    closesAt: number;
    /** Turns this player has already answered. */
    answered: ReadonlySet<number>;
  },
  input: TriviaAnswer,
  receivedAt: number,
): InputOutcome | 'impossible' {
  if (input.turn >= round.turns) return 'impossible';
  if (round.phase === 'lobby' || round.phase === 'countdown') return 'notNow';
  if (input.turn > round.turn) return 'impossible';
  if (input.turn === round.turn && input.choice >= round.choices) return 'impossible';
  if (round.answered.has(input.turn)) return 'duplicate';
  if (input.turn < round.turn || round.phase !== 'playing' || receivedAt > round.closesAt) return 'late';
  return 'accepted';
}

/** Points of one answer taken in time: nothing when wrong; more the sooner it came within the window. */
export function answerPoints(
  answer: { correct: boolean; receivedAt: number },
  window: { opensAt: number; windowMs: number },
): number {
  if (!answer.correct) return 0;
  const used = Math.min(1, Math.max(0, (answer.receivedAt - window.opensAt) / window.windowMs));
  return TRIVIA_POINTS.base + Math.round(TRIVIA_POINTS.speed * (1 - used));
}
