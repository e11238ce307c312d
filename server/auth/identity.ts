import { count, eq } from 'drizzle-orm';
import type { SignedInMember } from '../../shared/protocol/sign-in.ts';
import type { MemberRecord } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { memberCredentials, members } from '../db/schema.ts';

/** Has a wallet or any credential (email, passkey, the brand's login): the account survives losing the browser. */
export async function hasLastingIdentity(db: Db, memberId: string): Promise<boolean> {
  const [member] = await db
    .select({ address: members.address })
    .from(members)
    .where(eq(members.id, memberId));
  if (!member) return false;
  if (member.address) return true;
  return (await credentialCount(db, memberId)) > 0;
}

/** How many credentials (email, passkey, brand login) a member holds; the wallet address is not counted here. */
export async function credentialCount(db: Db, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberCredentials)
    .where(eq(memberCredentials.memberId, memberId));
  return row?.n ?? 0;
}

/** The member as a sign-in answers it. */
export async function signedInMember(db: Db, record: MemberRecord): Promise<SignedInMember> {
  return {
    id: record.id,
    name: record.displayName,
    address: record.address,
    lasting: record.address !== null || (await credentialCount(db, record.id)) > 0,
  };
}
