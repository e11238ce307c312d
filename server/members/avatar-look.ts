import { eq } from 'drizzle-orm';
import { encodeLook } from '../../shared/avatar-look.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import { AvatarLook, type HeldWearable } from '../../shared/protocol/avatar.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { members } from '../db/schema.ts';
import { holdingsOf } from '../relay/holdings.ts';
import { publishToMember } from './member-channel.ts';

/** Whom a look belongs to: the wallet matters for wearables minted to it. */
export interface LookOwner {
  id: string;
  address: string | null;
}

/** The look the member stored, or null for their default look; a stored value that no longer parses counts as none. */
export async function storedLook(db: Db, memberId: string): Promise<AvatarLook | null> {
  const [row] = await db.select({ look: members.look }).from(members).where(eq(members.id, memberId));
  const parsed = AvatarLook.safeParse(row?.look);
  return parsed.success ? parsed.data : null;
}

/** Stores a look already checked (AvatarLook, and `wear` held); null goes back to the default look. */
export async function storeLook(db: Db, memberId: string, look: AvatarLook | null): Promise<void> {
  await db
    .update(members)
    .set({ look: look === null ? null : AvatarLook.parse(look) })
    .where(eq(members.id, memberId));
}

/** The wearable prizes of the published catalogue the member holds now (wallet, custody or held for them). */
export async function heldWearables(ctx: AppContext, owner: LookOwner): Promise<HeldWearable[]> {
  const held = new Set((await holdingsOf(ctx, owner)).map((view) => view.prizeId));
  return wearablesAmong(ctx.content.current().bundle.prizes, held);
}

/** The prizes of `catalogue` that can be worn and are in `held`, in catalogue order. */
export function wearablesAmong(catalogue: readonly Prize[], held: ReadonlySet<string>): HeldWearable[] {
  return catalogue.flatMap((prize) =>
    prize.wearable && held.has(prize.id)
      ? [{ prizeId: prize.id, name: prize.name, wearable: prize.wearable }]
      : [],
  );
}

/** Why a look's `wear` may not be worn: `ok`, a prize that is no wearable (or unknown), or one not held. */
export type WearCheck = 'ok' | 'notWearable' | 'wearableNotHeld';

/** Checks `wear` against the catalogue and the wearables the member holds. */
export function checkWear(
  wear: string | null,
  catalogue: readonly Prize[],
  held: readonly HeldWearable[],
): WearCheck {
  if (wear === null) return 'ok';
  if (!catalogue.some((prize) => prize.id === wear && prize.wearable)) return 'notWearable';
  return held.some((item) => item.prizeId === wear) ? 'ok' : 'wearableNotHeld';
}

/**
 * Member.look for a member taking a seat: the stored look ('' for the default), its wearable dropped when the member
 * no longer holds it (gifted away since) or it cannot be checked now.
 */
export async function lookAtJoin(ctx: AppContext, owner: LookOwner): Promise<string> {
  const look = await storedLook(ctx.ledger.db, owner.id);
  if (!look) return '';
  if (look.wear === null) return encodeLook(look);
  const held = await heldWearables(ctx, owner).catch((err: unknown) => {
    ctx.logger.warn({ err, memberId: owner.id }, 'wearables not checked at join: worn without the wearable');
    return [];
  });
  const worn = checkWear(look.wear, ctx.content.current().bundle.prizes, held) === 'ok';
  return encodeLook(worn ? look : { ...look, wear: null });
}

/** Tells every room seating the member (any process) to show their new look now. */
export function announceLook(
  ctx: Pick<AppContext, 'presence' | 'logger'>,
  memberId: string,
  look: string,
): void {
  publishToMember(ctx, memberId, { type: 'lookChanged', look });
}
