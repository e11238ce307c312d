import type { PublicClient } from 'viem';
import type { SiweVerifyBody } from '../../shared/protocol/siwe.ts';
import type { SiweErrorCode } from '../../shared/protocol/siwe-codes.ts';
import type { MemberRecord } from '../db/members.ts';
import { findMemberByAddress, findOrCreateMemberByAddress, linkMemberAddress } from '../db/members.ts';
import type { Db } from '../db/open.ts';
import { type ResolvedSession, resolveSession } from './sessions.ts';
import { checkSiweMessage, type SiweExpectations, shortAddress } from './siwe.ts';
import { consumeSiweNonce, isSiweNonceLive } from './siwe-nonces.ts';

export type SiweSignInResult =
  | {
      ok: true;
      member: MemberRecord;
      linked: boolean;
      /** The guest session behind `linkToken`, when one was sent and is live. */
      guest: ResolvedSession | undefined;
    }
  | { ok: false; code: SiweErrorCode; detail: string };

/**
 * Message checks, then the nonce, then the signature through the chain (EOAs, ERC-1271 and ERC-6492 accounts);
 * the nonce is consumed only once all of them passed, so a refused attempt leaves it usable and a replay fails.
 */
export async function signInWithSiwe(
  deps: { db: Db; publicClient: PublicClient },
  body: SiweVerifyBody,
  expected: SiweExpectations,
): Promise<SiweSignInResult> {
  const { db, publicClient } = deps;
  const checked = checkSiweMessage(body.message, expected);
  if (!checked.ok) return checked;
  const { address, nonce } = checked.message;
  if (!(await isSiweNonceLive(db, nonce, expected.now)))
    return {
      ok: false,
      code: 'siweNonceInvalid',
      detail: 'unknown, expired or used nonce; ask for a new one',
    };
  const signed = await publicClient.verifyMessage({
    address,
    message: body.message,
    signature: body.signature,
  });
  if (!signed)
    return { ok: false, code: 'siweSignatureInvalid', detail: `the signature is not from ${address}` };
  if (!(await consumeSiweNonce(db, nonce, new Date())))
    return { ok: false, code: 'siweNonceInvalid', detail: 'the nonce was used or expired meanwhile' };

  const guest = body.linkToken ? await resolveSession(db, body.linkToken) : undefined;
  const { member, linked } = await walletMember(db, address, body.name, guest);
  return { ok: true, member, linked, guest };
}

/** The wallet's member; a guest behind `linkToken` keeps their record when the wallet has none yet. */
async function walletMember(
  db: Db,
  address: string,
  name: string | undefined,
  guest: ResolvedSession | undefined,
): Promise<{ member: MemberRecord; linked: boolean }> {
  const existing = await findMemberByAddress(db, address);
  if (existing) return { member: existing, linked: guest?.member.id === existing.id };
  if (guest?.kind === 'guest' && guest.member.address === null) {
    const linked = await linkMemberAddress(db, guest.member.id, address);
    if (linked) return { member: linked, linked: true };
  }
  const member = await findOrCreateMemberByAddress(db, address, name ?? shortAddress(address));
  return { member, linked: false };
}
