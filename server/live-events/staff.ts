import { eq } from 'drizzle-orm';
import { staff } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';

export type StaffRole = 'host' | 'admin';

/** The staff role of a wallet, if it has one; guests (no address) never do. */
export async function staffRoleOf(db: Db, address: string | null): Promise<StaffRole | undefined> {
  if (!address) return undefined;
  const [row] = await db
    .select({ role: staff.role })
    .from(staff)
    .where(eq(staff.address, address.toLowerCase()));
  return row?.role;
}

/** Gives a wallet a staff role (idempotent; an admin stays admin). */
export async function grantStaffRole(db: Db, address: string, role: StaffRole): Promise<void> {
  await db
    .insert(staff)
    .values({ address: address.toLowerCase(), role })
    .onConflictDoNothing({ target: staff.address });
}
