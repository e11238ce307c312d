import { and, eq, gt } from 'drizzle-orm';
import type { Prize } from '../../shared/content/prizes.ts';
import type { CheckinErrorCode, CheckinPerk } from '../../shared/protocol/checkin.ts';
import { formatPerkCode, normalisePerkCode, parsePerkQr } from '../../shared/protocol/perks.ts';
import type { LOCALES } from '../../shared/protocol/sign-in.ts';
import type { Db } from '../db/open.ts';
import { perks } from '../db/perks-schema.ts';
import { members } from '../db/schema.ts';

type PerkRow = typeof perks.$inferSelect;

/** A code that names no perk of this brand: said without revealing whether another brand issued it. */
export type CheckinRefusal = Exclude<CheckinErrorCode, 'rateLimited'>;

/** The perk a code names, read for the desk. */
export type FoundPerk =
  | { ok: true; perk: CheckinPerk; row: PerkRow }
  | { ok: false; refusal: CheckinRefusal };

/** What marking a perk used came to: exactly one caller ever gets `marked`. */
export type MarkResult =
  | { ok: true; result: 'marked' | 'alreadyUsed' | 'expired'; perk: CheckinPerk; row: PerkRow }
  | { ok: false; refusal: CheckinRefusal };

/** Whose desk this is and when: the brand a code must belong to, the staff language, the clock, the catalogue. */
export interface CheckinScope {
  brand: string;
  locale: (typeof LOCALES)[number];
  now: Date;
  /** The published prizes (ctx.content.current().bundle.prizes): names a prize published after boot. */
  prizes: readonly Prize[];
}

/** The stored form of what the staff typed or scanned, or the refusal (a QR of another brand is refused unread). */
function codeOf(input: string, brand: string): { code: string } | { refusal: CheckinRefusal } {
  const qr = parsePerkQr(input);
  if (qr && qr.brand !== brand) return { refusal: 'wrongBrand' };
  const code = normalisePerkCode(input);
  return code ? { code } : { refusal: 'invalidCode' };
}

/** Looks a code up: what it is and whose it is, for the staff member at the desk. */
export async function findPerk(db: Db, input: string, scope: CheckinScope): Promise<FoundPerk> {
  const code = codeOf(input, scope.brand);
  if ('refusal' in code) return { ok: false, refusal: code.refusal };
  const [row] = await db.select().from(perks).where(eq(perks.code, code.code)).limit(1);
  if (!row) return { ok: false, refusal: 'unknownCode' };
  if (row.brand !== scope.brand) return { ok: false, refusal: 'wrongBrand' };
  return { ok: true, row, perk: await deskView(db, row, scope) };
}

/**
 * Marks the perk used, once: one conditional UPDATE (`state = 'ready'` and not expired) decides, so of any number
 * of desks scanning the same code at once exactly one gets `marked`; the others read who did and when.
 * `usedBy` is the staff member's console address (`member:<id>` or their wallet).
 */
export async function markPerkUsed(
  db: Db,
  input: string,
  usedBy: string,
  scope: CheckinScope,
): Promise<MarkResult> {
  const code = codeOf(input, scope.brand);
  if ('refusal' in code) return { ok: false, refusal: code.refusal };
  const [marked] = await db
    .update(perks)
    .set({ state: 'used', usedAt: scope.now, usedBy })
    .where(
      and(
        eq(perks.code, code.code),
        eq(perks.brand, scope.brand),
        eq(perks.state, 'ready'),
        gt(perks.expiresAt, scope.now),
      ),
    )
    .returning();
  if (marked) return { ok: true, result: 'marked', row: marked, perk: await deskView(db, marked, scope) };
  const found = await findPerk(db, code.code, scope);
  if (!found.ok) return found;
  const result = found.perk.state === 'expired' ? 'expired' : 'alreadyUsed';
  return { ok: true, result, row: found.row, perk: found.perk };
}

/** The desk's view of a perk: prize name and text in the staff language, owner and user by display name only. */
async function deskView(db: Db, row: PerkRow, scope: CheckinScope): Promise<CheckinPerk> {
  const prize = scope.prizes.find((candidate) => candidate.id === row.prizeId);
  const [owner] = await db
    .select({ name: members.displayName })
    .from(members)
    .where(eq(members.id, row.memberId))
    .limit(1);
  const expired = row.state === 'expired' || (row.state === 'ready' && row.expiresAt <= scope.now);
  return {
    id: row.id,
    code: formatPerkCode(row.code),
    prizeId: row.prizeId,
    prizeName: prize?.name[scope.locale] ?? row.prizeId,
    perkText: prize?.perk[scope.locale] ?? '',
    kind: row.kind,
    state: expired ? 'expired' : row.state,
    expiresAt: row.expiresAt.getTime(),
    ownerName: owner?.name ?? '',
    usedAt: row.usedAt?.getTime() ?? null,
    usedByName: row.usedBy ? await staffName(db, row.usedBy) : null,
  };
}

/** A staff address (`member:<id>` or a wallet) back to their display name; null when that account is gone. */
async function staffName(db: Db, usedBy: string): Promise<string | null> {
  const where = usedBy.startsWith('member:')
    ? eq(members.id, usedBy.slice('member:'.length))
    : eq(members.address, usedBy);
  const [staff] = await db.select({ name: members.displayName }).from(members).where(where).limit(1);
  return staff?.name ?? null;
}
