import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  parseAbi,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_ACCOUNTS } from '../server/chain/anvil.ts';
import { loungePassAbi } from './abi/LoungePass.ts';
import { prizesAbi } from './abi/Prizes.ts';
import { stampsAbi } from './abi/Stamps.ts';
import { type Artifact, buildContracts } from './build.ts';

/** Addresses of one chain's contracts, stored as `deployments/<chainId>.json`. */
export type Deployment = {
  chainId: number;
  contracts: { LoungePass: Address; Stamps: Address; Prizes: Address };
  /** keccak256 of each contract's creation bytecode (the artifact it was deployed from). */
  bytecodeHashes: Record<ContractName, Hex>;
  /** keccak256 of each contract's code on chain (immutables filled in), to spot a wiped or different chain. */
  codeHashes: Record<ContractName, Hex>;
  sourceHash: string;
  deployedAt: string;
  blockNumber: number;
};

/** Admin defaults to the deployer; minter to anvil's oracle account on chain 31337 and is required elsewhere. */
export type DeployContractsParameters = {
  rpcUrl: string;
  deployerKey: Hex;
  adminAddress?: Address;
  minterAddress?: Address;
  /** LoungePass token URI prefix (tokenURI = baseUri + id). */
  baseUri?: string;
  /** ERC-1155 URIs with `{id}`; default derived from a `.../metadata/pass/` baseUri. */
  stampsUri?: string;
  prizesUri?: string;
  deploymentsDir?: string;
  log?: (line: string) => void;
};

export type ContractName = keyof Deployment['contracts'];

type SendDeploy = (name: ContractName, bytecode: Hex, args: [Address, Address, string]) => Promise<Hex>;

const ROOT = resolve(import.meta.dirname, '..');
const DEV_CHAIN_ID = 31337;
const CONTRACT_NAMES = ['LoungePass', 'Stamps', 'Prizes'] as const satisfies readonly ContractName[];
const ABIS: Record<ContractName, Abi> = { LoungePass: loungePassAbi, Stamps: stampsAbi, Prizes: prizesAbi };
const roleAbi = parseAbi(['function hasRole(bytes32 role, address account) view returns (bool)']);
const ADMIN_ROLE: Hex = `0x${'0'.repeat(64)}`;
const MINTER_ROLE = keccak256(new TextEncoder().encode('MINTER_ROLE'));

/** Reads `contracts/out/<name>.json`; run `buildContracts` first. */
export async function loadArtifact(name: ContractName): Promise<Artifact> {
  return JSON.parse(await readFile(join(ROOT, 'contracts/out', `${name}.json`), 'utf8'));
}

/** Builds, then reuses each recorded contract the chain still holds with the wanted roles, deploying the rest. */
export async function deployContracts(params: DeployContractsParameters): Promise<Deployment> {
  const log = params.log ?? (() => {});
  const { sourceHash } = await buildContracts({ quiet: true });
  const publicClient = createPublicClient({ transport: http(params.rpcUrl) });
  const chainId = await publicClient.getChainId();
  const account = privateKeyToAccount(params.deployerKey);
  const admin = params.adminAddress ?? account.address;
  const minter =
    params.minterAddress ?? (chainId === DEV_CHAIN_ID ? ANVIL_ACCOUNTS.oracle.address : undefined);
  if (!minter) throw new Error(`contracts: pass a minter address (MINTER_KEY) to deploy on chain ${chainId}`);
  if (getAddress(admin) === getAddress(minter)) {
    log('contracts: warning: admin and minter are the same key; give the oracle its own MINTER_KEY');
  }
  const uris = constructorUris(params);

  const dir = params.deploymentsDir ?? join(ROOT, 'deployments');
  const file = join(dir, `${chainId}.json`);
  const recorded = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Deployment) : undefined;
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [params.rpcUrl] } },
  });
  const walletClient = createWalletClient({ account, chain, transport: http(params.rpcUrl) });
  const send: SendDeploy = (name, bytecode, args) =>
    walletClient.deployContract({ abi: ABIS[name], bytecode, args });

  const contracts = {} as Deployment['contracts'];
  const bytecodeHashes = {} as Record<ContractName, Hex>;
  const codeHashes = {} as Record<ContractName, Hex>;
  let changed = false;
  let blockNumber = recorded?.blockNumber ?? 0;
  for (const name of CONTRACT_NAMES) {
    const artifact = await loadArtifact(name);
    const bytecodeHash = keccak256(artifact.bytecode);
    const live = recorded && (await isLive(publicClient, recorded, name, bytecodeHash, admin, minter));
    if (live) {
      log(`contracts: reusing ${name} at ${recorded.contracts[name]} on chain ${chainId}`);
      contracts[name] = recorded.contracts[name];
      codeHashes[name] = recorded.codeHashes[name];
    } else {
      const deployed = await deployOne(publicClient, send, name, artifact, [admin, minter, uris[name]]);
      log(
        `contracts: deployed ${name} at ${deployed.address} on chain ${chainId} (tx ${deployed.hash}, gas ${deployed.gasUsed})`,
      );
      contracts[name] = deployed.address;
      codeHashes[name] = deployed.codeHash;
      blockNumber = Math.max(blockNumber, deployed.blockNumber);
      changed = true;
    }
    bytecodeHashes[name] = bytecodeHash;
  }
  if (!changed && recorded) return recorded;

  const deployment: Deployment = {
    chainId,
    contracts,
    bytecodeHashes,
    codeHashes,
    sourceHash,
    deployedAt: new Date().toISOString(),
    blockNumber,
  };
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(deployment, null, 2)}\n`);
  await rename(temp, file);
  log(`contracts: recorded ${file}`);
  return deployment;
}

function constructorUris(params: DeployContractsParameters): Record<ContractName, string> {
  const base = params.baseUri ?? '';
  const metadata = base.endsWith('/metadata/pass/') ? base.slice(0, -'pass/'.length) : undefined;
  return {
    LoungePass: base,
    Stamps: params.stampsUri ?? (metadata ? `${metadata}stamp/{id}` : ''),
    Prizes: params.prizesUri ?? (metadata ? `${metadata}prize/{id}` : ''),
  };
}

async function deployOne(
  publicClient: PublicClient,
  send: SendDeploy,
  name: ContractName,
  artifact: Artifact,
  args: [Address, Address, string],
): Promise<{ address: Address; hash: Hex; gasUsed: bigint; blockNumber: number; codeHash: Hex }> {
  const hash = await send(name, artifact.bytecode, args);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`${name} deployment reverted (tx ${hash})`);
  }
  const address = getAddress(receipt.contractAddress);
  const code = await publicClient.getCode({ address });
  if (!code) throw new Error(`${name} has no code at ${address} after tx ${hash}`);
  return {
    address,
    hash,
    gasUsed: receipt.gasUsed,
    blockNumber: Number(receipt.blockNumber),
    codeHash: keccak256(code),
  };
}

// A record is only trusted when the chain still has the same code (anvil restarts wipe it) and the wanted roles.
async function isLive(
  client: PublicClient,
  recorded: Deployment,
  name: ContractName,
  bytecodeHash: Hex,
  admin: Address,
  minter: Address,
): Promise<boolean> {
  const address = recorded.contracts?.[name];
  if (!address || recorded.bytecodeHashes?.[name] !== bytecodeHash) return false;
  const code = await client.getCode({ address });
  if (!code || keccak256(code) !== recorded.codeHashes?.[name]) return false;
  const contract = { address, abi: roleAbi, functionName: 'hasRole' } as const;
  const [isAdmin, isMinter] = await Promise.all([
    client.readContract({ ...contract, args: [ADMIN_ROLE, admin] }),
    client.readContract({ ...contract, args: [MINTER_ROLE, minter] }),
  ]);
  return isAdmin && isMinter;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const deployment = await deployContracts({
    rpcUrl: env.RPC_URL ?? 'http://127.0.0.1:8545',
    deployerKey: (env.DEPLOYER_KEY ?? ANVIL_ACCOUNTS.deployer.privateKey) as Hex,
    adminAddress: env.ADMIN_ADDRESS as Address | undefined,
    minterAddress: env.MINTER_KEY ? privateKeyToAccount(env.MINTER_KEY as Hex).address : undefined,
    baseUri: env.PASS_BASE_URI,
    stampsUri: env.STAMPS_URI,
    prizesUri: env.PRIZES_URI,
    log: console.log,
  });
  console.log(JSON.stringify(deployment, null, 2));
}
