import { BaseError, createWalletClient, type Hex, http, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  DEFAULT_ADMIN_ROLE,
  type MetadataContracts,
  readUriChanges,
  type UriChange,
  uriAbi,
} from '../metadata/onchain-uris.ts';

export interface SyncMetadataUrisParameters {
  client: PublicClient;
  rpcUrl: string;
  contracts: MetadataContracts;
  /** The contracts' admin (DEFAULT_ADMIN_ROLE); undefined: only say what differs. */
  adminKey: Hex | undefined;
  /** PUBLIC_URL, or this process' real listening address: what the metadata routes answer under. */
  origin: string;
  log: (line: string) => void;
}

export interface SyncMetadataUrisReturnType {
  /** Every URI that differed. */
  changes: UriChange[];
  /** The changes this call sent and saw mined. */
  sent: UriChange[];
}

/**
 * Points the contracts' metadata URIs at this server: ERC-1155 `uri`, the LoungePass base URI and ERC-7572
 * `contractURI`, each sent by the admin only where it differs (a new PUBLIC_URL, or the real port after `PORT=0`).
 */
export async function syncMetadataUris(
  params: SyncMetadataUrisParameters,
): Promise<SyncMetadataUrisReturnType> {
  const { client, log } = params;
  const changes = await readUriChanges(client, params.contracts, params.origin, log);
  if (changes.length === 0) return { changes, sent: [] };
  if (!params.adminKey) {
    log(
      `uri-sync: skipped, no admin key; the admin must set ${changes.map((c) => `${c.label} -> ${c.to}`).join('; ')}`,
    );
    return { changes, sent: [] };
  }
  const admin = privateKeyToAccount(params.adminKey);
  const allowed: UriChange[] = [];
  for (const change of changes) {
    const args = [DEFAULT_ADMIN_ROLE, admin.address] as const;
    if (await client.readContract({ address: change.address, abi: uriAbi, functionName: 'hasRole', args }))
      allowed.push(change);
    else
      log(
        `uri-sync: ${admin.address} is not admin of ${change.label}; the admin must set it to ${change.to}`,
      );
  }
  if (allowed.length === 0) return { changes, sent: [] };
  const wallet = createWalletClient({ account: admin, chain: client.chain, transport: http(params.rpcUrl) });
  const pendingNonce = () => client.getTransactionCount({ address: admin.address, blockTag: 'pending' });
  // Sent back to back with nonces counted here (no process-wide nonce manager: a test's next anvil starts at 0),
  // then awaited together: one confirmation wait on a real chain.
  let nonce = await pendingNonce();
  const pending: { change: UriChange; hash: Hex }[] = [];
  for (const change of allowed) {
    try {
      const { request } = await client.simulateContract({
        address: change.address,
        abi: uriAbi,
        account: admin,
        functionName: change.functionName,
        args: [change.to],
      });
      pending.push({ change, hash: await wallet.writeContract({ ...request, nonce }) });
      nonce += 1;
    } catch (error) {
      log(
        `uri-sync: ${change.label} not set: ${error instanceof BaseError ? error.shortMessage : String(error)}`,
      );
      nonce = await pendingNonce();
    }
  }
  const sent: UriChange[] = [];
  for (const { change, hash } of pending) {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') {
      log(`uri-sync: ${change.functionName} on ${change.label} reverted (tx ${hash})`);
      continue;
    }
    log(`uri-sync: ${change.label} ${change.from ?? '(unknown)'} -> ${change.to} (tx ${hash})`);
    sent.push(change);
  }
  return { changes, sent };
}
