import { type Address, type Hex, type PublicClient, parseAbi } from 'viem';
import type { ContractDocumentName } from '../../shared/protocol/metadata.ts';
import { metadataUris } from './uris.ts';

/** The URI reads and admin writes of Stamps, Prizes (ERC-1155), LoungePass (ERC-721) and ERC-7572, in one ABI. */
export const uriAbi = parseAbi([
  'function uri(uint256 id) view returns (string)',
  'function setURI(string uri_)',
  'function baseURI() view returns (string)',
  'function tokenURI(uint256 tokenId) view returns (string)',
  'function setBaseURI(string baseURI)',
  'function contractURI() view returns (string)',
  'function setContractURI(string contractURI_)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
]);

/** OpenZeppelin AccessControl's DEFAULT_ADMIN_ROLE: who may set the URIs. */
export const DEFAULT_ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;

/** One on-chain URI that no longer points at this server, and the admin call that fixes it. */
export interface UriChange {
  label: string;
  address: Address;
  functionName: 'setURI' | 'setBaseURI' | 'setContractURI';
  from: string | undefined;
  to: string;
}

export interface MetadataContracts {
  LoungePass?: Address | undefined;
  Stamps?: Address | undefined;
  Prizes?: Address | undefined;
}

/**
 * What each contract says now against what a server at `origin` serves. An unreadable pass base counts as differing;
 * a contract without `contractURI()` (deployed before ERC-7572) is left out with a log line.
 */
export async function readUriChanges(
  client: PublicClient,
  contracts: MetadataContracts,
  origin: string,
  log: (line: string) => void,
): Promise<UriChange[]> {
  const want = metadataUris(origin);
  const read = (address: Address, functionName: 'uri' | 'contractURI', args: [] | [bigint]) =>
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
  if (contracts.Stamps)
    check('Stamps uri', contracts.Stamps, 'setURI', await read(contracts.Stamps, 'uri', [0n]), want.stamps);
  if (contracts.Prizes)
    check('Prizes uri', contracts.Prizes, 'setURI', await read(contracts.Prizes, 'uri', [0n]), want.prizes);
  if (contracts.LoungePass) {
    const base = await passBase(client, contracts.LoungePass);
    check('LoungePass baseURI', contracts.LoungePass, 'setBaseURI', base, want.passBase);
  }
  const collections: [ContractDocumentName, Address | undefined][] = [
    ['stamps', contracts.Stamps],
    ['prizes', contracts.Prizes],
    ['loungepass', contracts.LoungePass],
  ];
  for (const [name, address] of collections) {
    if (!address) continue;
    const current = await read(address, 'contractURI', []);
    if (current === undefined)
      log(`uri-sync: ${name} at ${address} has no contractURI() (deployed before ERC-7572)`);
    else check(`${name} contractURI`, address, 'setContractURI', current, want.contract[name]);
  }
  return changes;
}

/** LoungePass keeps its base URI private: a `baseURI()` view if the contract has one, else tokenURI(1) minus "1". */
async function passBase(client: PublicClient, address: Address): Promise<string | undefined> {
  const contract = { address, abi: uriAbi } as const;
  const view = await client.readContract({ ...contract, functionName: 'baseURI' }).catch(() => undefined);
  if (view !== undefined) return view;
  // Before the first pass is minted nothing tells: the base is set again (one transaction) to be sure.
  const first = await client
    .readContract({ ...contract, functionName: 'tokenURI', args: [1n] })
    .catch(() => undefined);
  return first?.endsWith('1') ? first.slice(0, -1) : undefined;
}
