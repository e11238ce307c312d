import type { MemberDirectory } from '../context.ts';
import type { Db } from '../db/open.ts';
import { teamRolesOf } from '../live-events/staff.ts';
import { qualifyingPoints } from '../points/member-status.ts';
import { countStamps } from '../quests/passport.ts';
import { resolveSession, sessionLive } from './sessions.ts';

/** The member reads admission needs, answered by the ledger (a test hands the context a fake instead). */
export function ledgerMemberDirectory(db: Db): MemberDirectory {
  return {
    resolveSession: (token) => resolveSession(db, token),
    sessionLive: (tokenHash) => sessionLive(db, tokenHash),
    stampCount: (memberId) => countStamps(db, memberId),
    qualifyingPoints: (memberId) => qualifyingPoints(db, memberId),
    teamRoles: (member) => teamRolesOf(db, member),
  };
}
