import { z } from 'zod';
import { prizes } from './prizes.ts';
import { stamps } from './stamps.ts';

/** Event halls: every hall is the lounge floor dressed for a show (stage, big screen, seats). */
export const HALLS = [
  { id: 'main-stage', name: 'MAIN STAGE' },
  { id: 'sky-terrace', name: 'SKY TERRACE' },
] as const;
export type HallId = (typeof HALLS)[number]['id'];
const hallIds = HALLS.map((hall) => hall.id) as [HallId, ...HallId[]];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');
const prizeIds = new Set(prizes.map((prize) => prize.id));
const stampIds = new Set(stamps.map((stamp) => stamp.id));

/** Who may enter: anyone (guests too), or holders of a pass named by a gate rule (shared/content/gates.ts). */
export const EventAccess = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('anyone') }),
  z.strictObject({ kind: z.literal('pass'), gate: z.enum(['vip', 'suite']) }),
]);
export type EventAccess = z.infer<typeof EventAccess>;

/** A timed drop: `supply` prizes claimable for `windowSeconds` once the host releases it. */
export const DropSpec = z.strictObject({
  id: slug,
  prizeId: z.string().refine((id) => prizeIds.has(id), 'must be a prize id of shared/content/prizes.ts'),
  supply: z.number().int().min(1).max(1000),
  windowSeconds: z.number().int().min(5).max(3600),
  /** `first`: the first valid claims win; `raffle`: everyone present may enter, a committed seed draws winners. */
  mode: z.enum(['first', 'raffle']),
});
export type DropSpec = z.infer<typeof DropSpec>;

/** A live event as the brand console schedules it; the same schema checks content files and console forms. */
export const LiveEventSpec = z
  .strictObject({
    title: z
      .string()
      .transform((text) => text.replace(/\p{Cc}/gu, ' ').trim())
      .pipe(z.string().min(1).max(80)),
    description: z.string().max(280).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(5).max(720),
    hall: z.enum(hallIds),
    access: EventAccess,
    attendanceStampId: z
      .string()
      .refine((id) => stampIds.has(id), 'must be a stamp id of shared/content/stamps.ts'),
    /** Minutes present (across rejoins and overflow instances) that earn the attendance stamp. */
    attendMinutes: z.number().min(0.05).max(240),
    drops: z.array(DropSpec).max(10).default([]),
  })
  .superRefine((spec, ctx) => {
    const ids = spec.drops.map((drop) => drop.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['drops'], message: 'drop ids must be unique' });
    if (spec.attendMinutes > spec.durationMinutes)
      ctx.addIssue({ code: 'custom', path: ['attendMinutes'], message: 'must not exceed durationMinutes' });
  });
export type LiveEventSpec = z.infer<typeof LiveEventSpec>;
export type LiveEventInput = z.input<typeof LiveEventSpec>;

/** Where an event stands: scheduled, live (doors open), ended (by time or by the host), or cancelled. */
export type LiveEventStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';

/** Doors open this long before the start, so members can take their seats. */
export const DOORS_OPEN_MS = 10 * 60_000;
