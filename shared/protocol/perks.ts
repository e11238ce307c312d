import { z } from 'zod';

/** Where a perk stands: usable, used at the desk, or past its expiry. */
export const PerkState = z.enum(['ready', 'used', 'expired']);
export type PerkState = z.infer<typeof PerkState>;

/** What redeeming a prize gives: a generated one-time code, a code from a brand's pool, timed access, a parcel. */
export const PerkKind = z.enum(['generatedCode', 'codePool', 'timedAccess', 'physical']);
export type PerkKind = z.infer<typeof PerkKind>;

/** Crockford's base32: no I, L, O or U, so a code read aloud at a counter is not misheard. */
export const PERK_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits, shown as four groups of four. */
export const PERK_CODE_LENGTH = 16;
/** What a perk's QR code says: this prefix, the brand, then the code (the desk's scanner reads it back). */
export const PERK_QR_PREFIX = 'LAYOVER-PERK:';

/** A code as typed or scanned -> its stored form (upper case; spaces and dashes dropped; I/L -> 1, O -> 0); null if not one. */
export function normalisePerkCode(input: string): string | null {
  const fromQr = parsePerkQr(input);
  const raw = fromQr ? fromQr.code : input;
  const code = raw.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== PERK_CODE_LENGTH) return null;
  for (const char of code) if (!PERK_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** The code in groups of four (`7KQ2-...`), as members and staff read it. */
export function formatPerkCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The text a perk's QR code carries. */
export function perkQrPayload(brand: string, code: string): string {
  return `${PERK_QR_PREFIX}${brand}:${code}`;
}

/** Reads a scanned QR text back into brand and code; null when it is not a perk's QR. */
export function parsePerkQr(text: string): { brand: string; code: string } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PERK_QR_PREFIX)) return null;
  const rest = trimmed.slice(PERK_QR_PREFIX.length);
  const at = rest.lastIndexOf(':');
  if (at <= 0) return null;
  return { brand: rest.slice(0, at), code: rest.slice(at + 1) };
}

/** A physical perk's shipping form as the member filled it. */
export const ShippingBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Street, building, unit: one to three lines. */
  addressLines: z.array(z.string().trim().min(1).max(100)).min(1).max(3),
  city: z.string().trim().min(1).max(80),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$/, 'postcode: 2-11 letters, digits, spaces or dashes'),
  /** ISO 3166-1 alpha-2, e.g. "VN", "TW". */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'country: a two-letter ISO code')
    .transform((value) => value.toUpperCase()),
});
export type ShippingBody = z.infer<typeof ShippingBody>;

/** Path of POST /api/perks/:id/shipping. */
export const PerkParams = z.strictObject({ id: z.uuid() });

/** What a physical perk's shipping stands at: still to fill, or sent to the brand (when). */
export const ShippingView = z.strictObject({
  submitted: z.boolean(),
  /** Epoch ms; null until submitted. */
  submittedAt: z.number().nullable(),
});

/** One perk as its member sees it. */
export const PerkView = z.strictObject({
  id: z.string(),
  prizeId: z.string(),
  kind: PerkKind,
  state: PerkState,
  /** The one-time code in groups of four (what the desk types). */
  code: z.string(),
  /** What the QR code shows (PERK_QR_PREFIX + brand + code). */
  qrPayload: z.string(),
  /** A pooled perk's partner code (to use at the partner); null for other kinds. */
  partnerCode: z.string().nullable(),
  /** A timed access's room (it opens until expiresAt); null for other kinds. */
  room: z.string().nullable(),
  /** Epoch ms. */
  expiresAt: z.number(),
  usedAt: z.number().nullable(),
  /** Physical perks only; null for other kinds. */
  shipping: ShippingView.nullable(),
  createdAt: z.number(),
});
export type PerkView = z.infer<typeof PerkView>;

/** GET /api/perks: the member's perks, newest first. */
export const PerksView = z.strictObject({ perks: z.array(PerkView) });
export type PerksView = z.infer<typeof PerksView>;

/** POST /api/perks/:id/shipping answer: the perk with its shipping now submitted. */
export const ShippingResponse = z.strictObject({ perk: PerkView });

/** POST /api/console/perk-pools: codes as text (one a line, or CSV: the first column), deduplicated. */
export const PoolUploadBody = z.strictObject({
  poolId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The JSON body limit (16 KiB) bounds one upload to about a thousand codes: send a long list in parts. */
  text: z.string().min(1).max(15_000),
});
export type PoolUploadBody = z.infer<typeof PoolUploadBody>;

/** One pool: codes left and given; `exhausted` when none is left (its perks answer `poolExhausted`). */
export const PoolView = z.strictObject({
  poolId: z.string(),
  prizeIds: z.array(z.string()),
  available: z.number().int(),
  issued: z.number().int(),
  /** Perks issued while the pool was empty, waiting for the next upload to give them a code. */
  waiting: z.number().int(),
  exhausted: z.boolean(),
});
export type PoolView = z.infer<typeof PoolView>;

/** GET /api/console/perk-pools. */
export const PoolsView = z.strictObject({ pools: z.array(PoolView) });
export type PoolsView = z.infer<typeof PoolsView>;

/** POST /api/console/perk-pools answer: codes added, duplicates skipped (in the upload or already there), the pool after. */
export const PoolUploadResponse = z.strictObject({
  added: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  pool: PoolView,
});
export type PoolUploadResponse = z.infer<typeof PoolUploadResponse>;

/** Refusals a member or the console can meet on the perk routes (each translated). */
export const PerkErrorCode = z.enum([
  'unknownPerk',
  'notPhysical',
  'shippingSubmitted',
  'perkExpired',
  'invalidShipping',
  'identityRequired',
  'unknownPool',
  'invalidPool',
  'poolExhausted',
  'rateLimited',
]);
export type PerkErrorCode = z.infer<typeof PerkErrorCode>;
