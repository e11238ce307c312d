import { type Address, getAddress, type Hex, keccak256, type PublicClient, parseAbi } from 'viem';
import type { ContractName, Deployment } from './deploy.ts';

/** Why a recorded contract is not reused: `gone` (no record, or the chain lost its code) deploys freely. */
export type Verdict = { live: true } | { live: false; gone: boolean; reason: string };

/** Which recorded contracts stay, and the ones that would replace contracts still on chain (`stale`, one line each). */
export type DeployPlan = { verdicts: Record<ContractName, Verdict>; stale: string[] };

/** A forwarder given by FORWARDER_ADDRESS, with the hash of its code on chain. */
export type ExternalForwarder = { address: Address; codeHash: Hex };

/** The command an operator runs to replace the contracts off the dev chain. */
export const REDEPLOY_HINT =
  'set REDEPLOY_CONTRACTS=1 for one start (or run `REDEPLOY_CONTRACTS=1 npm run deploy:contracts`)';

const TOKEN_NAMES = ['LoungePass', 'Stamps', 'Prizes'] as const satisfies readonly ContractName[];
const ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;
const MINTER_ROLE = keccak256(new TextEncoder().encode('MINTER_ROLE'));
const tokenAbi = parseAbi([
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function trustedForwarder() view returns (address)',
]);

/** Checks every recorded contract before anything is sent, so a refused redeploy leaves the chain untouched. */
export async function planDeployment(params: {
  client: PublicClient;
  recorded: Deployment | undefined;
  bytecodeHashes: Record<ContractName, Hex>;
  external: ExternalForwarder | undefined;
  admin: Address;
  minter: Address;
}): Promise<DeployPlan> {
  const { client, recorded, bytecodeHashes, external } = params;
  const verdicts = {} as Record<ContractName, Verdict>;
  verdicts.Forwarder = external
    ? recorded?.contracts?.Forwarder === external.address
      ? { live: true }
      : { live: false, gone: true, reason: `FORWARDER_ADDRESS is ${external.address}` }
    : await inspect(client, recorded, 'Forwarder', bytecodeHashes.Forwarder);
  const forwarder = verdicts.Forwarder.live
    ? (external?.address ?? recorded?.contracts.Forwarder)
    : undefined;
  for (const name of TOKEN_NAMES) {
    const wanted = { admin: params.admin, minter: params.minter, forwarder };
    verdicts[name] = await inspect(client, recorded, name, bytecodeHashes[name], wanted);
  }
  const stale = Object.entries(verdicts).flatMap(([name, v]) =>
    v.live || v.gone ? [] : [`${name} at ${recorded?.contracts[name as ContractName]}: ${v.reason}`],
  );
  return { verdicts, stale };
}

/** The error a start off the dev chain fails with when `stale` is not empty and no redeploy was asked for. */
export function refusal(file: string, chainId: number, stale: string[]): Error {
  return new Error(
    `contracts: ${file} records contracts on chain ${chainId} that would be replaced:\n  ${stale.join('\n  ')}\n` +
      'A redeploy gives new addresses; tokens minted so far stay on the old contracts. To redeploy, ' +
      `${REDEPLOY_HINT}; to keep them, restore the contracts/src, admin and minter they were deployed with.`,
  );
}

/** Resolves FORWARDER_ADDRESS; an address without code is refused (a typo would strand every relayed action). */
export async function externalForwarder(client: PublicClient, address: Address): Promise<ExternalForwarder> {
  const code = await client.getCode({ address });
  if (!code) throw new Error(`contracts: FORWARDER_ADDRESS ${address} has no code on this chain`);
  return { address: getAddress(address), codeHash: keccak256(code) };
}

// A record is only trusted when the chain still has the same code (anvil restarts wipe it), the same bytecode, the
// wanted roles and the wanted forwarder; code that is gone is `gone` (deployed again freely), the rest is stale.
async function inspect(
  client: PublicClient,
  recorded: Deployment | undefined,
  name: ContractName,
  bytecodeHash: Hex,
  wanted?: { admin: Address; minter: Address; forwarder: Address | undefined },
): Promise<Verdict> {
  const address = recorded?.contracts?.[name];
  if (!address) return { live: false, gone: true, reason: 'not recorded' };
  const code = await client.getCode({ address });
  if (!code || keccak256(code) !== recorded.codeHashes?.[name]) {
    return { live: false, gone: true, reason: 'no longer on chain' };
  }
  if (recorded.bytecodeHashes?.[name] !== bytecodeHash) {
    return {
      live: false,
      gone: false,
      reason: 'its bytecode differs from contracts/out (contracts/src changed)',
    };
  }
  if (!wanted) return { live: true };
  const contract = { address, abi: tokenAbi } as const;
  const [isAdmin, isMinter, forwarder] = await Promise.all([
    client.readContract({ ...contract, functionName: 'hasRole', args: [ADMIN_ROLE, wanted.admin] }),
    client.readContract({ ...contract, functionName: 'hasRole', args: [MINTER_ROLE, wanted.minter] }),
    client.readContract({ ...contract, functionName: 'trustedForwarder' }),
  ]);
  if (!isAdmin) return { live: false, gone: false, reason: `admin ${wanted.admin} lacks DEFAULT_ADMIN_ROLE` };
  if (!isMinter) return { live: false, gone: false, reason: `minter ${wanted.minter} lacks MINTER_ROLE` };
  if (!wanted.forwarder || getAddress(forwarder) !== getAddress(wanted.forwarder)) {
    return { live: false, gone: false, reason: `it trusts forwarder ${forwarder}, not the one wanted` };
  }
  return { live: true };
}
