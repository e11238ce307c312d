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
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_ACCOUNTS } from '../server/chain/anvil.ts';
import { layoverForwarderAbi } from './abi/LayoverForwarder.ts';
import { loungePassAbi } from './abi/LoungePass.ts';
import { prizesAbi } from './abi/Prizes.ts';
import { stampsAbi } from './abi/Stamps.ts';
import { type Artifact, buildContracts } from './build.ts';
import { externalForwarder, planDeployment, refusal } from './deploy-plan.ts';

/** Addresses of one chain's contracts, stored as `deployments/<chainId>.json`. */
export type Deployment = {
  chainId: number;
  /** `Forwarder` is the ERC-2771 forwarder the three others trust (deployed first, or FORWARDER_ADDRESS). */
  contracts: { Forwarder: Address; LoungePass: Address; Stamps: Address; Prizes: Address };
  /** keccak256 of each contract's creation bytecode (the artifact it was deployed from); for a forwarder given by
   * address, its code hash. */
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
  /** ERC-7572 prefix: each contract's contractURI is `<base><name lowercased>`; default `<origin>/metadata/contract/`
   * derived from a `.../metadata/pass/` baseUri. */
  contractUriBase?: string;
  /** An ERC-2771 forwarder already on the chain (FORWARDER_ADDRESS) instead of deploying LayoverForwarder. */
  forwarderAddress?: Address;
  /** Off the dev chain, replacing a recorded contract that still has code (new bytecode, forwarder or roles) needs
   * this (REDEPLOY_CONTRACTS=1): members' tokens stay on the old contracts. Chain 31337 always redeploys. */
  redeploy?: boolean;
  deploymentsDir?: string;
  log?: (line: string) => void;
};

export type ContractName = keyof Deployment['contracts'];

type TokenName = Exclude<ContractName, 'Forwarder'>;
type SendDeploy = (name: ContractName, bytecode: Hex, args: readonly unknown[]) => Promise<Hex>;

const ROOT = resolve(import.meta.dirname, '..');
const DEV_CHAIN_ID = 31337;
const TOKEN_NAMES = ['LoungePass', 'Stamps', 'Prizes'] as const satisfies readonly TokenName[];
const ARTIFACTS: Record<ContractName, string> = {
  Forwarder: 'LayoverForwarder',
  LoungePass: 'LoungePass',
  Stamps: 'Stamps',
  Prizes: 'Prizes',
};
const ABIS: Record<ContractName, Abi> = {
  Forwarder: layoverForwarderAbi,
  LoungePass: loungePassAbi,
  Stamps: stampsAbi,
  Prizes: prizesAbi,
};

/** Reads `contracts/out/<artifact>.json` (Forwarder: LayoverForwarder); run `buildContracts` first. */
export async function loadArtifact(name: ContractName): Promise<Artifact> {
  return JSON.parse(await readFile(join(ROOT, 'contracts/out', `${ARTIFACTS[name]}.json`), 'utf8'));
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

  const artifacts = {} as Record<ContractName, Artifact>;
  for (const name of ['Forwarder', ...TOKEN_NAMES] as const) artifacts[name] = await loadArtifact(name);
  const bytecodeHashes = mapNames((name) => keccak256(artifacts[name].bytecode));
  const external =
    params.forwarderAddress && (await externalForwarder(publicClient, params.forwarderAddress));
  if (external) bytecodeHashes.Forwarder = external.codeHash;

  const { verdicts, stale } = await planDeployment({
    client: publicClient,
    recorded,
    bytecodeHashes,
    external,
    admin,
    minter,
  });
  if (stale.length > 0 && chainId !== DEV_CHAIN_ID && !params.redeploy) throw refusal(file, chainId, stale);
  for (const line of stale) log(`contracts: replacing ${line}`);

  const contracts = {} as Deployment['contracts'];
  const codeHashes = {} as Record<ContractName, Hex>;
  let changed = false;
  let blockNumber = recorded?.blockNumber ?? 0;
  const uris = constructorUris(params);
  for (const name of ['Forwarder', ...TOKEN_NAMES] as const) {
    if (verdicts[name].live && recorded) {
      log(`contracts: reusing ${name} at ${recorded.contracts[name]} on chain ${chainId}`);
      contracts[name] = recorded.contracts[name];
      codeHashes[name] = recorded.codeHashes[name];
      continue;
    }
    changed = true;
    if (name === 'Forwarder' && external) {
      log(`contracts: using Forwarder at ${external.address} (FORWARDER_ADDRESS) on chain ${chainId}`);
      contracts.Forwarder = external.address;
      codeHashes.Forwarder = external.codeHash;
      continue;
    }
    const args = name === 'Forwarder' ? [] : [admin, minter, ...uris[name], contracts.Forwarder];
    const deployed = await deployOne(publicClient, send, name, artifacts[name], args);
    log(
      `contracts: deployed ${name} at ${deployed.address} on chain ${chainId} (tx ${deployed.hash}, gas ${deployed.gasUsed})`,
    );
    contracts[name] = deployed.address;
    codeHashes[name] = deployed.codeHash;
    blockNumber = Math.max(blockNumber, deployed.blockNumber);
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

/** Each token contract's [token URI, ERC-7572 contract URI] constructor arguments. */
function constructorUris(params: DeployContractsParameters): Record<TokenName, [string, string]> {
  const base = params.baseUri ?? '';
  const metadata = base.endsWith('/metadata/pass/') ? base.slice(0, -'pass/'.length) : undefined;
  const contractBase = params.contractUriBase ?? (metadata ? `${metadata}contract/` : undefined);
  const contractUri = (name: TokenName) => (contractBase ? `${contractBase}${name.toLowerCase()}` : '');
  return {
    LoungePass: [base, contractUri('LoungePass')],
    Stamps: [params.stampsUri ?? (metadata ? `${metadata}stamp/{id}` : ''), contractUri('Stamps')],
    Prizes: [params.prizesUri ?? (metadata ? `${metadata}prize/{id}` : ''), contractUri('Prizes')],
  };
}

function mapNames<T>(fn: (name: ContractName) => T): Record<ContractName, T> {
  return {
    Forwarder: fn('Forwarder'),
    LoungePass: fn('LoungePass'),
    Stamps: fn('Stamps'),
    Prizes: fn('Prizes'),
  };
}

async function deployOne(
  publicClient: PublicClient,
  send: SendDeploy,
  name: ContractName,
  artifact: Artifact,
  args: readonly unknown[],
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
    contractUriBase: env.CONTRACT_URI_BASE,
    forwarderAddress: env.FORWARDER_ADDRESS as Address | undefined,
    redeploy: env.REDEPLOY_CONTRACTS === '1',
    log: console.log,
  });
  console.log(JSON.stringify(deployment, null, 2));
}
