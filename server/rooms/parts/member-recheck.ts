import { LeaveCode } from '../../../shared/protocol/join.ts';
import { mayDo } from '../../../shared/protocol/staff-roles.ts';
import type { AppContext } from '../../context.ts';

/** What a connection was admitted with, as far as a re-check asks: its member, session and (halls) host role. */
export interface AdmittedAs {
  memberId: string;
  /** The stored hash of the token the connection joined with. */
  sessionKey: string;
  /** The member's wallet at join, one of their staff principals (rooms without staff roles leave it out). */
  address?: string | null;
  /** Admitted as a host: the staff role is re-checked too. */
  host?: boolean;
}

/** A seated connection a re-check may walk out. */
export interface RecheckedClient {
  readonly sessionId: string;
  readonly auth?: AdmittedAs | undefined;
  leave(code?: number, data?: string): void;
}

/** Why an admitted connection may no longer stay. */
export type Revocation = 'sessionEnded' | 'roleChanged';

/**
 * Why a connection admitted as `auth` may no longer stay, or undefined when it still holds: its session ended
 * (signed out on that browser or everywhere, erased, merged, re-bound), or it came in as a host and no longer holds a role that hosts events.
 */
export async function revocationOf(
  ctx: Pick<AppContext, 'members'>,
  auth: AdmittedAs,
): Promise<Revocation | undefined> {
  if (!(await ctx.members.sessionLive(auth.sessionKey))) return 'sessionEnded';
  if (!auth.host) return undefined;
  const roles = await ctx.members.teamRoles({ id: auth.memberId, address: auth.address ?? null });
  return mayDo(roles, 'events') ? undefined : 'roleChanged';
}

/** Walks one connection out with the close code of its revocation (its reason is the code's name); true if it went. */
export async function recheckClient(
  ctx: Pick<AppContext, 'members' | 'logger'>,
  client: RecheckedClient,
): Promise<boolean> {
  if (!client.auth) return false;
  try {
    const revoked = await revocationOf(ctx, client.auth);
    if (!revoked) return false;
    client.leave(LeaveCode[revoked], revoked);
    return true;
  } catch (err) {
    ctx.logger.error({ err, memberId: client.auth.memberId }, 'could not re-check a connection');
    return false;
  }
}

/** Re-checks every connection of `memberId` among `clients` (a member-channel signal), walking out those revoked. */
export async function recheckMember(
  ctx: Pick<AppContext, 'members' | 'logger'>,
  clients: Iterable<RecheckedClient>,
  memberId: string,
): Promise<void> {
  const theirs = [...clients].filter((client) => client.auth?.memberId === memberId);
  await Promise.all(theirs.map((client) => recheckClient(ctx, client)));
}
