import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  keccak256,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loungePassAbi } from './abi/LoungePass.ts';
import { type Artifact, buildContracts } from './build.ts';

/** Addresses of one chain's contracts, stored as `deployments/<chainId>.json`. */
export type Deployment = {
  chainId: number;
  contracts: { LoungePass: Address };
  sourceHash: string;
  deployedAt: string;
  blockNumber: number;
};

/** Admin and minter default to the deployer; `deploymentsDir` defaults to `<repo>/deployments`. */
export type DeployContractsParameters = {
  rpcUrl: string;
  deployerKey: Hex;
  adminAddress?: Address;
  minterAddress?: Address;
  baseUri?: string;
  deploymentsDir?: string;
  log?: (line: string) => void;
};

export type ContractName = keyof Deployment['contracts'];

const ROOT = resolve(import.meta.dirname, '..');

/** Reads `contracts/out/<name>.json`; run `buildContracts` first. */
export async function loadArtifact(name: ContractName): Promise<Artifact> {
  return JSON.parse(await readFile(join(ROOT, 'contracts/out', `${name}.json`), 'utf8'));
}

/** Builds, then reuses the recorded deployment when the chain still holds that exact code, or deploys anew. */
export async function deployContracts(params: DeployContractsParameters): Promise<Deployment> {
  const log = params.log ?? (() => {});
  const { sourceHash } = await buildContracts({ quiet: true });
  const publicClient = createPublicClient({ transport: http(params.rpcUrl) });
  const chainId = await publicClient.getChainId();
  const account = privateKeyToAccount(params.deployerKey);
  const admin = params.adminAddress ?? account.address;
  const minter = params.minterAddress ?? account.address;
  const artifact = await loadArtifact('LoungePass');

  const dir = params.deploymentsDir ?? join(ROOT, 'deployments');
  const file = join(dir, `${chainId}.json`);
  const recorded = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Deployment) : undefined;
  if (
    recorded?.sourceHash === sourceHash &&
    (await isLive(publicClient, recorded, artifact, admin, minter))
  ) {
    log(`contracts: reusing LoungePass at ${recorded.contracts.LoungePass} on chain ${chainId}`);
    return recorded;
  }

  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [params.rpcUrl] } },
  });
  const walletClient = createWalletClient({ account, chain, transport: http(params.rpcUrl) });
  const hash = await walletClient.deployContract({
    abi: loungePassAbi,
    bytecode: artifact.bytecode,
    args: [admin, minter, params.baseUri ?? ''],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`LoungePass deployment reverted (tx ${hash} on chain ${chainId})`);
  }
  const deployment: Deployment = {
    chainId,
    contracts: { LoungePass: getAddress(receipt.contractAddress) },
    sourceHash,
    deployedAt: new Date().toISOString(),
    blockNumber: Number(receipt.blockNumber),
  };
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(deployment, null, 2)}\n`);
  await rename(temp, file);
  log(`contracts: deployed LoungePass at ${deployment.contracts.LoungePass} on chain ${chainId}`);
  return deployment;
}

// A record is only trusted when the chain still has the same code (anvil restarts wipe it) and the wanted roles.
async function isLive(
  client: PublicClient,
  recorded: Deployment,
  artifact: Artifact,
  admin: Address,
  minter: Address,
): Promise<boolean> {
  const address = recorded.contracts.LoungePass;
  const code = await client.getCode({ address });
  if (!code || keccak256(code) !== keccak256(artifact.deployedBytecode)) return false;
  const pass = { address, abi: loungePassAbi } as const;
  const [adminRole, minterRole] = await Promise.all([
    client.readContract({ ...pass, functionName: 'DEFAULT_ADMIN_ROLE' }),
    client.readContract({ ...pass, functionName: 'MINTER_ROLE' }),
  ]);
  const [isAdmin, isMinter] = await Promise.all([
    client.readContract({ ...pass, functionName: 'hasRole', args: [adminRole, admin] }),
    client.readContract({ ...pass, functionName: 'hasRole', args: [minterRole, minter] }),
  ]);
  return isAdmin && isMinter;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const deployment = await deployContracts({
    rpcUrl: process.env.RPC_URL ?? 'http://127.0.0.1:8545',
    deployerKey: (process.env.DEPLOYER_KEY ??
      '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80') as Hex,
    log: console.log,
  });
  console.log(JSON.stringify(deployment, null, 2));
}
