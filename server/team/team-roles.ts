import { and, asc, eq } from 'drizzle-orm';
import { STAFF_ROLES, type StaffRoleName } from '../../shared/protocol/staff-roles.ts';
import type { TeamMemberView } from '../../shared/protocol/team.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { teamRoles } from '../db/team-schema.ts';
import { announceRevoked, grantStaffRole } from '../live-events/staff.ts';
import { actorLabels } from './actor-labels.ts';
import { recordAudit } from './audit.ts';
import { kindOf, principalId, principalLabel, principalTarget } from './principals.ts';

type RoleRow = typeof teamRoles.$inferSelect;

const rank = (role: StaffRoleName) => STAFF_ROLES.indexOf(role);

/** Every principal holding a role, as the team page lists them (owners' rows first within a principal). */
export async function listTeam(db: Db, only?: string): Promise<TeamMemberView[]> {
  const rows = await db
    .select()
    .from(teamRoles)
    .where(only ? eq(teamRoles.principal, only) : undefined)
    .orderBy(asc(teamRoles.grantedAt), asc(teamRoles.principal));
  const labels = await actorLabels(
    db,
    rows.flatMap((row) => (row.grantedBy ? [row.grantedBy] : [])),
  );
  const byPrincipal = new Map<string, RoleRow[]>();
  for (const row of rows) byPrincipal.set(row.principal, [...(byPrincipal.get(row.principal) ?? []), row]);
  return [...byPrincipal].map(([principal, held]) => ({
    id: principalId(principal),
    kind: kindOf(principal),
    label: principalLabel(principal),
    roles: held
      .sort((a, b) => rank(a.role) - rank(b.role))
      .map((row) => ({
        role: row.role,
        grantedBy: row.grantedBy ? (labels.get(row.grantedBy) ?? row.grantedBy) : null,
        grantedAt: row.grantedAt.toISOString(),
      })),
  }));
}

const rolesOf = async (db: Pick<Db, 'select'>, principal: string): Promise<StaffRoleName[]> =>
  (await db.select({ role: teamRoles.role }).from(teamRoles).where(eq(teamRoles.principal, principal)))
    .map((row) => row.role)
    .sort((a, b) => rank(a) - rank(b));

/** Grants `role` to `principal` for the console member `actor`, audited; false when it was held already. */
export async function grantTeamRole(
  db: Db,
  actor: string,
  principal: string,
  role: StaffRoleName,
): Promise<boolean> {
  const before = await rolesOf(db, principal);
  if (!(await grantStaffRole(db, principal, role, actor))) return false;
  await recordAudit(db, {
    actor,
    action: 'team.grant',
    target: principalTarget(principal),
    before: { roles: before },
    after: { roles: await rolesOf(db, principal) },
  });
  return true;
}

/** Why a revocation was refused. */
export type RevokeRefusal = 'roleNotHeld' | 'lastOwner';

/**
 * Takes `role` from the principal listed under `id`, audited in the same transaction. The owners' rows are locked
 * first, so two owners revoking each other at once cannot leave the team without one: the last owner stays
 * (`lastOwner`). Rooms seating a holder re-check at once (a host in a hall is walked out).
 */
export async function revokeTeamRole(
  ctx: Pick<AppContext, 'ledger' | 'presence' | 'logger'>,
  actor: string,
  id: string,
  role: StaffRoleName,
): Promise<RevokeRefusal | undefined> {
  const { db } = ctx.ledger;
  const outcome = await db.transaction(async (tx) => {
    const owners = await tx
      .select({ principal: teamRoles.principal })
      .from(teamRoles)
      .where(eq(teamRoles.role, 'owner'))
      .for('update');
    const held = await tx.select().from(teamRoles).where(eq(teamRoles.role, role));
    const row = held.find((candidate) => principalId(candidate.principal) === id);
    if (!row) return { refused: 'roleNotHeld' as const };
    if (role === 'owner' && owners.length <= 1) return { refused: 'lastOwner' as const };
    const before = await rolesOf(tx, row.principal);
    await tx.delete(teamRoles).where(and(eq(teamRoles.principal, row.principal), eq(teamRoles.role, role)));
    await recordAudit(tx, {
      actor,
      action: 'team.revoke',
      target: principalTarget(row.principal),
      before: { roles: before },
      after: { roles: before.filter((held) => held !== role) },
    });
    return { principal: row.principal };
  });
  if ('refused' in outcome) return outcome.refused;
  await announceRevoked(ctx, outcome.principal);
  return undefined;
}
