import { type Address, createWalletClient, type Hex, http, type PublicClient, parseAbi } from 'viem';
import { nonceManager, privateKeyToAccount } from 'viem/accounts';
import type { ContractDocumentName } from '../../shared/protocol/metadata.ts';
import { metadataUris } from '../metadata/uris.ts';

/** The URI reads and admin writes of Stamps, Prizes (ERC-1155), LoungePass (ERC-721) and ERC-7572, in one ABI. */
const uriAbi = parseAbi([
  'function uri(uint256 id) view returns (string)',
  'function setURI(string uri_)',
  'function baseURI() view returns (string)',
  'function tokenURI(uint256 tokenId) view returns (string)',
  'function setBaseURI(string baseURI)',
  'function contractURI() view returns (string)',
  'function setContractURI(string contractURI_)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
]);
const ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;

export interface SyncMetadataUrisParameters {
  client: PublicClient;
  rpcUrl: string;
  contracts: { LoungePass?: Address | undefined; Stamps?: Address | undefined; Prizes?: Address | undefined };
  /** The contracts' admin (DEFAULT_ADMIN_ROLE); undefined: only say what differs. */
  adminKey: Hex | undefined;
  /** PUBLIC_URL, or this process' real listening address: what the metadata routes answer under. */
  origin: string;
  log: (line: string) => void;
}

/** One on-chain URI that no longer points at this server, and the admin call that fixes it. */
export interface UriChange {
  label: string;
  address: Address;
  functionName: 'setURI' | 'setBaseURI' | 'setContractURI';
  from: string | undefined;
  to: string;
}

export interface SyncMetadataUrisReturnType {
  /** Every URI that differed. */
  changes: UriChange[];
  /** The changes this call sent (and saw mined). */
  sent: UriChange[];
}

/**
 * Points the contracts' metadata URIs at this server: ERC-1155 `uri`, the LoungePass base URI and ERC-7572
 * `contractURI`, each sent by the admin only where it differs (a new PUBLIC_URL, or the real port after `PORT=0`).
 */
export async function syncMetadataUris(
  params: SyncMetadataUrisParameters,
): Promise<SyncMetadataUrisReturnType> {
  const changes = await readChanges(params);
  if (changes.length === 0) return { changes, sent: [] };
  const list = changes.map((change) => `${change.label} -> ${change.to}`).join('; ');
  if (!params.adminKey) {
    params.log(`uri-sync: skipped, no admin key; the admin must set ${list}`);
    return { changes, sent: [] };
  }
  const { client } = params;
  const admin = privateKeyToAccount(params.adminKey, { nonceManager });
  const allowed: UriChange[] = [];
  for (const change of changes) {
    const contract = { address: change.address, abi: uriAbi } as const;
    if (
      await client.readContract({ ...contract, functionName: 'hasRole', args: [ADMIN_ROLE, admin.address] })
    )
      allowed.push(change);
    else
      params.log(
        `uri-sync: ${admin.address} is not admin of ${change.label}; the admin must set it to ${change.to}`,
      );
  }
  const wallet = createWalletClient({ account: admin, chain: client.chain, transport: http(params.rpcUrl) });
  // Sent back to back (consecutive nonces), then awaited together: one confirmation wait on a real chain.
  const hashes: Hex[] = [];
  for (const change of allowed) {
    const { request } = await client.simulateContract({
      address: change.address,
      abi: uriAbi,
      account: admin,
      functionName: change.functionName,
      args: [change.to],
    });
    hashes.push(await wallet.writeContract(request));
  }
  const sent: UriChange[] = [];
  for (const [index, hash] of hashes.entries()) {
    const change = allowed[index] as UriChange;
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success')
      throw new Error(`uri-sync: ${change.functionName} on ${change.label} reverted (tx ${hash})`);
    params.log(`uri-sync: ${change.label} ${change.from ?? '(unknown)'} -> ${change.to} (tx ${hash})`);
    sent.push(change);
  }
  return { changes, sent };
}

/** What each contract says now against what this server serves; unreadable URIs count as differing. */
async function readChanges(params: SyncMetadataUrisParameters): Promise<UriChange[]> {
  const want = metadataUris(params.origin);
  const { client, contracts } = params;
  const read = (address: Address, functionName: 'uri' | 'contractURI' | 'baseURI', args: [] | [bigint]) =>
    client
      .readContract({ address, abi: uriAbi, functionName, args } as never)
      .then((value) => value as unknown as string)
      .catch(() => undefined);
  const changes: UriChange[] = [];
  const check = (
    label: string,
    address: Address,
    functionName: UriChange['functionName'],
    from: string | undefined,
    to: string,
  ) => {
    if (from !== to) changes.push({ label, address, functionName, from, to });
  };
  const collections: [ContractDocumentName, Address | undefined][] = [
    ['stamps', contracts.Stamps],
    ['prizes', contracts.Prizes],
    ['loungepass', contracts.LoungePass],
  ];
  if (contracts.Stamps)
    check('Stamps uri', contracts.Stamps, 'setURI', await read(contracts.Stamps, 'uri', [0n]), want.stamps);
  if (contracts.Prizes)
    check('Prizes uri', contracts.Prizes, 'setURI', await read(contracts.Prizes, 'uri', [0n]), want.prizes);
  if (contracts.LoungePass)
    check(
      'LoungePass baseURI',
      contracts.LoungePass,
      'setBaseURI',
      await passBase(params, contracts.LoungePass),
      want.passBase,
    );
  for (const [name, address] of collections) {
    if (address)
      check(
        `${name} contractURI`,
        address,
        'setContractURI',
        await read(address, 'contractURI', []),
        want.contract[name],
      );
  }
  return changes;
}

/** LoungePass keeps its base URI private: a `baseURI()` view if the contract has one, else tokenURI(1) minus "1". */
async function passBase(params: SyncMetadataUrisParameters, address: Address): Promise<string | undefined> {
  const contract = { address, abi: uriAbi } as const;
  const view = await params.client
    .readContract({ ...contract, functionName: 'baseURI' })
    .catch(() => undefined);
  if (view !== undefined) return view;
  // Before the first pass is minted nothing tells: the base is set again (one transaction) to be sure.
  const first = await params.client
    .readContract({ ...contract, functionName: 'tokenURI', args: [1n] })
    .catch(() => undefined);
  return first?.endsWith('1') ? first.slice(0, -1) : undefined;
}
