import { z } from 'zod';
import { ContentError } from './quest-schema.ts';

/** How earned points expire: FIFO lots that last `months` calendar months, with a notice `noticeDays` before. */
export const ExpiryProgram = z.strictObject({
  months: z.number().int().min(1).max(120),
  noticeDays: z.number().int().min(0).max(365),
});
export type ExpiryProgram = z.infer<typeof ExpiryProgram>;

/** The brand's points program beyond earning rules: expiry (and status qualification). */
export const PointsProgram = z.strictObject({
  expiry: ExpiryProgram,
});
export type PointsProgram = z.infer<typeof PointsProgram>;

const FILE = 'shared/content/points-program.ts';

/** Parses a program, naming the file and the field in any error. */
export function parsePointsProgram(file: string, value: unknown): PointsProgram {
  const parsed = PointsProgram.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ContentError(`Layover: bad points program in ${file}: ${fields}`);
}

/** The brand's program: points last 12 months after the day they were earned, with a notice 30 days before. */
export const pointsProgram: PointsProgram = parsePointsProgram(FILE, {
  expiry: { months: 12, noticeDays: 30 },
});
