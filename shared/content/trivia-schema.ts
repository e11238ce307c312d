import { z } from 'zod';
import { ContentError } from './quest-schema.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');

/** The languages the client ships; a pack must have English and may have the others. */
export const TRIVIA_LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type TriviaLocale = (typeof TRIVIA_LOCALES)[number];

/** Text of a pack: English always, other languages where the brand wrote them (English stands in for the rest). */
export const TriviaText = z.strictObject({
  en: z.string().trim().min(1).max(200),
  'zh-Hant': z.string().trim().min(1).max(200).optional(),
  'zh-Hans': z.string().trim().min(1).max(200).optional(),
  vi: z.string().trim().min(1).max(200).optional(),
});
export type TriviaText = z.infer<typeof TriviaText>;

/** One multiple-choice question; `answer` is the index of the right choice as written (rounds shuffle them). */
export const TriviaQuestion = z
  .strictObject({
    id: slug,
    prompt: TriviaText,
    choices: z.array(TriviaText).min(2).max(4),
    answer: z.number().int().min(0),
  })
  .superRefine((question, ctx) => {
    if (question.answer >= question.choices.length)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'must be the index of one of the choices' });
  });
export type TriviaQuestion = z.infer<typeof TriviaQuestion>;

/** A brand's question pack (travel, the brand, the destination of the month). */
export const TriviaPack = z
  .strictObject({
    id: slug,
    name: TriviaText,
    questions: z.array(TriviaQuestion).min(1),
  })
  .superRefine((pack, ctx) => {
    const ids = pack.questions.map((question) => question.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate question id "${id}"`,
        });
    });
  });
export type TriviaPack = z.infer<typeof TriviaPack>;

/** Checks that pack ids are unique and that every pack the game names exists and has enough questions. */
export function checkTriviaPacks(
  file: string,
  packs: readonly TriviaPack[],
  wanted: { packs: readonly string[]; turns: number },
): TriviaPack[] {
  const ids = new Set<string>();
  for (const pack of packs) {
    if (ids.has(pack.id))
      throw new ContentError(`Layover: bad trivia pack "${pack.id}" in ${file}: id: duplicate`);
    ids.add(pack.id);
  }
  for (const id of wanted.packs) {
    const pack = packs.find((candidate) => candidate.id === id);
    if (!pack)
      throw new ContentError(
        `Layover: bad trivia pack "${id}" in ${file}: id: named by the trivia game but missing`,
      );
    if (pack.questions.length < wanted.turns)
      throw new ContentError(
        `Layover: bad trivia pack "${id}" in ${file}: questions: has ${pack.questions.length}, a round needs ${wanted.turns}`,
      );
  }
  return [...packs];
}
