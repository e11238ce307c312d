import { z } from 'zod';
import { ContentError } from './quest-schema.ts';

/** How earned points expire: FIFO lots that last `months` calendar months, with a notice `noticeDays` before. */
export const ExpiryProgram = z.strictObject({
  months: z.number().int().min(1).max(120),
  noticeDays: z.number().int().min(0).max(365),
});
export type ExpiryProgram = z.infer<typeof ExpiryProgram>;

/** Movement kinds whose points count toward status (signed: a partner's reversal takes its points back). */
export const QualifyingKind = z.enum([
  'opening',
  'quest',
  'earn',
  'partner',
  'partnerReversal',
  'adjustment',
]);
export type QualifyingKind = z.infer<typeof QualifyingKind>;

/**
 * How points reach status levels (StatusLevel.minQualifyingPoints): points of `qualifyingKinds` earned in one
 * calendar year (UTC) reach a level that holds through the next year plus `graceMonths`.
 */
export const QualificationProgram = z.strictObject({
  period: z.literal('calendarYear'),
  graceMonths: z.number().int().min(0).max(12),
  qualifyingKinds: z.array(QualifyingKind).min(1),
});
export type QualificationProgram = z.infer<typeof QualificationProgram>;

/** The brand's points program beyond earning rules: expiry and status qualification. */
export const PointsProgram = z.strictObject({
  expiry: ExpiryProgram,
  qualification: QualificationProgram,
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

/**
 * The brand's program: points last 12 months after the day they were earned, with a notice 30 days before; points
 * earned in the lounge and with partners qualify for status over a calendar year, held to March 31 two years on.
 */
export const pointsProgram: PointsProgram = parsePointsProgram(FILE, {
  expiry: { months: 12, noticeDays: 30 },
  qualification: {
    period: 'calendarYear',
    graceMonths: 3,
    qualifyingKinds: ['quest', 'earn', 'partner', 'partnerReversal'],
  },
});
