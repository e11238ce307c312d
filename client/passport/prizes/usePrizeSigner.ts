import { useMemo } from 'react';
import { type Address, getAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { useAccount } from 'wagmi';
import { localKeyFor } from '../../wallet/localKey.ts';
import type { PrizeSigningAccount } from './prizeWrites.ts';

/** Who can sign for the member's wallet in this tab, or why nobody can yet. */
export type PrizeSigner =
  | { kind: 'ready'; account: PrizeSigningAccount }
  | { kind: 'disconnected' }
  | { kind: 'otherAccount'; connected: Address };

/** The local test wallet when this tab holds its key, else the browser wallet connected with the member's address. */
export function usePrizeSigner(member: Address): PrizeSigner {
  const key = localKeyFor(member);
  const local = useMemo(() => (key ? privateKeyToAccount(key) : null), [key]);
  const { address: connected, isConnected } = useAccount();
  if (local) return { kind: 'ready', account: local };
  if (!isConnected || !connected) return { kind: 'disconnected' };
  if (getAddress(connected) !== member) return { kind: 'otherAccount', connected };
  return { kind: 'ready', account: member };
}
