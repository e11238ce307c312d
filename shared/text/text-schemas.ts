import { z } from 'zod';
import { DISPLAY_NAME_MAX } from '../protocol/limits.ts';
import { cleanText } from './clean-text.ts';
import { checkDisplayName, type DisplayNameProblem } from './display-name.ts';

/** Longest name as typed, before invisible characters are stripped: bounds the work done on a hostile body. */
const RAW_NAME_MAX = DISPLAY_NAME_MAX * 8;

const NAME_PROBLEMS: Record<DisplayNameProblem, string> = {
  empty: 'must have at least one visible character',
  tooLong: `must be at most ${DISPLAY_NAME_MAX} characters`,
  mixedScripts: 'must not mix Latin, Cyrillic and Greek letters',
  reserved: 'must not read as a staff word (Staff, Host, Layover, Admin, ...)',
};

/** A display name, as every sign-in route takes it: `checkDisplayName`'s cleaned form, or a zod issue saying why not. */
export const DisplayNameText = z
  .string()
  .max(RAW_NAME_MAX)
  .transform((raw, ctx) => {
    const { name, problem } = checkDisplayName(raw);
    if (problem === null) return name;
    ctx.issues.push({ code: 'custom', message: NAME_PROBLEMS[problem], input: raw });
    return z.NEVER;
  });

/** Words a member sends others (chat, questions, announcements, poll options): at most `max` as typed, cleaned, not empty. */
export const memberText = (max: number) => z.string().max(max).transform(cleanText).pipe(z.string().min(1));

/** Like `memberText`, for a field that may be left empty (a report's note). */
export const optionalMemberText = (max: number) => z.string().max(max).default('').transform(cleanText);
