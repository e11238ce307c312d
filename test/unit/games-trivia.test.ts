import { describe, expect, it } from 'vitest';
import {
  answerPoints,
  drawTriviaRound,
  judgeAnswer,
  localizeQuestion,
  TRIVIA_POINTS,
} from '../../server/domain/games/trivia.ts';
import { triviaGame } from '../../shared/content/games.ts';
import { triviaPackById, triviaPacks } from '../../shared/content/trivia-packs.ts';
import { TriviaAnswer } from '../../shared/protocol/games.ts';

const T0 = 1_000_000;
const window = { opensAt: T0, windowMs: 10_000 };
const round = (over: Partial<Parameters<typeof judgeAnswer>[0]> = {}) => ({
  phase: 'playing' as const,
  turn: 2,
  turns: 5,
  choices: 4,
  closesAt: T0 + 10_000,
  answered: new Set<number>(),
  ...over,
});

describe('Gate Trivia rounds', () => {
  it('draws the same pack, questions and choice order from the same seed', () => {
    const packs = triviaGame.packs.map(triviaPackById);
    const a = drawTriviaRound(7, packs, 5);
    expect(drawTriviaRound(7, packs, 5)).toEqual(a);
    expect(a.questions).toHaveLength(5);
    expect(new Set(a.questions.map((q) => q.question.id)).size).toBe(5);
    const seeds = Array.from({ length: 40 }, (_, seed) => drawTriviaRound(seed, packs, 5));
    expect(new Set(seeds.map((r) => r.packId)).size).toBe(packs.length);
    expect(new Set(seeds.map((r) => r.questions[0]?.correct)).size).toBeGreaterThan(1);
  });

  it('keeps track of the right choice through the shuffle', () => {
    const { questions } = drawTriviaRound(11, triviaPacks, 5);
    for (const asked of questions) {
      expect(asked.order[asked.correct]).toBe(asked.question.answer);
      expect([...asked.order].sort()).toEqual(asked.question.choices.map((_, i) => i));
    }
  });

  it('localizes into the member language where the pack has it, and falls back to English', () => {
    const travel = drawTriviaRound(3, [triviaPackById('travel')], 1).questions[0]!;
    const zh = localizeQuestion(travel, 'zh-Hant');
    expect(zh.locale).toBe('zh-Hant');
    expect(zh.prompt).toBe(travel.question.prompt['zh-Hant']);
    const hoiAn = triviaPackById('destination-hoi-an');
    const airport = {
      question: hoiAn.questions.find((q) => q.id === 'airport')!,
      order: [3, 0, 1, 2],
      correct: 0,
    };
    expect(localizeQuestion(airport, 'vi')).toEqual({
      locale: 'en',
      prompt: 'Which airport is nearest to Hội An?',
      choices: ['Da Nang', 'Cam Ranh', 'Phu Bai', 'Tan Son Nhat'],
    });
    const bridge = {
      question: hoiAn.questions.find((q) => q.id === 'bridge')!,
      order: [0, 1, 2, 3],
      correct: 0,
    };
    expect(localizeQuestion(bridge, 'vi').choices[0]).toBe('Chùa Cầu');
    expect(localizeQuestion(bridge, 'zh-Hans').locale).toBe('en');
  });
});

describe('Gate Trivia timing', () => {
  it('takes an answer up to and including the moment the window closes', () => {
    expect(judgeAnswer(round(), { turn: 2, choice: 1 }, T0 + 10_000)).toBe('accepted');
    expect(judgeAnswer(round(), { turn: 2, choice: 1 }, T0 + 10_001)).toBe('late');
    expect(judgeAnswer(round({ phase: 'reveal' }), { turn: 2, choice: 1 }, T0 + 5)).toBe('late');
    expect(judgeAnswer(round(), { turn: 1, choice: 1 }, T0 + 5)).toBe('late');
  });

  it('counts the first answer to a question only', () => {
    expect(judgeAnswer(round({ answered: new Set([2]) }), { turn: 2, choice: 0 }, T0 + 5)).toBe('duplicate');
  });

  it('ignores answers outside play and drops the impossible ones', () => {
    expect(judgeAnswer(round({ phase: 'countdown' }), { turn: 0, choice: 0 }, T0)).toBe('notNow');
    expect(judgeAnswer(round(), { turn: 3, choice: 0 }, T0)).toBe('impossible');
    expect(judgeAnswer(round({ choices: 3 }), { turn: 2, choice: 3 }, T0)).toBe('impossible');
    expect(judgeAnswer(round(), { turn: 5, choice: 0 }, T0)).toBe('impossible');
  });

  it('scores right answers by speed and wrong ones nothing', () => {
    const full = TRIVIA_POINTS.base + TRIVIA_POINTS.speed;
    expect(answerPoints({ correct: true, receivedAt: T0 }, window)).toBe(full);
    expect(answerPoints({ correct: true, receivedAt: T0 + 5_000 }, window)).toBe(TRIVIA_POINTS.base + 250);
    expect(answerPoints({ correct: true, receivedAt: T0 + 10_000 }, window)).toBe(TRIVIA_POINTS.base);
    expect(answerPoints({ correct: false, receivedAt: T0 }, window)).toBe(0);
  });

  it('refuses a forged score or an out-of-range choice at the schema', () => {
    expect(TriviaAnswer.safeParse({ turn: 0, choice: 2 }).success).toBe(true);
    expect(TriviaAnswer.safeParse({ turn: 0, choice: 2, score: 5000 }).success).toBe(false);
    expect(TriviaAnswer.safeParse({ turn: 0, choice: 4 }).success).toBe(false);
    expect(TriviaAnswer.safeParse({ turn: 0 }).success).toBe(false);
  });
});
