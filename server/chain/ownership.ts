import {
  type Abi,
  type Address,
  type Chain,
  createPublicClient,
  erc721Abi,
  erc1155Abi,
  getAddress,
  http,
  type Log,
  type PublicClient,
} from 'viem';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import type { GateRule } from '../../shared/content/gates.ts';
import { conditionsOf, type Holdings } from '../domain/gates.ts';
import { logRanges } from './log-ranges.ts';
import type { ReadMode } from './multicall.ts';

type Read = { key: string; address: Address; abi: Abi; functionName: string; args: readonly unknown[] };

/** A decoded ERC-721 Transfer or ERC-1155 TransferSingle/Batch: who gained or lost tokens of a contract. */
export interface TokenMovement {
  contract: Address;
  from: Address;
  to: Address;
  /** ERC-721 only: the token that moved. */
  tokenId?: bigint;
  blockNumber: bigint;
  logIndex: number;
}

export type OwnershipReaderParameters = {
  rpcUrl: string;
  chain: Chain | undefined;
  /** Contract names a gate may use, resolved to addresses (a missing one holds nothing). */
  contracts: Record<string, Address | undefined>;
  readMode: ReadMode;
  /** First block to index LoungePass Transfer logs from. */
  passFromBlock: bigint;
  /** Most blocks one getLogs spans (CHAIN_LOG_RANGE); longer spans are read in pieces. */
  logRange?: bigint;
};

const lower = (address: string) => address.toLowerCase();

/** Reads what an address holds for a gate rule: LoungePass from an indexed owner map, the rest batched and cached. */
export class OwnershipReader {
  /** JSON-RPC requests sent by this reader (benchmarks divide it by joins). */
  rpcRequests = 0;
  readonly client: PublicClient;
  readonly pass: Address | undefined;
  private readonly owners = new Map<bigint, { owner: string; at: bigint }>();
  private readonly tiers = new Map<bigint, number>();
  private readonly cache = new Map<string, Map<string, unknown>>();
  private readonly generation = new Map<string, number>();
  /** Last block whose LoungePass logs are in the index. */
  private indexedThrough = -1n;

  constructor(private readonly params: OwnershipReaderParameters) {
    this.client = createPublicClient({
      chain: params.chain,
      transport: http(params.rpcUrl, { onFetchRequest: () => void this.rpcRequests++ }),
    }) as PublicClient;
    this.pass = params.contracts.LoungePass;
  }

  /** The address a rule's `contract` names, or undefined when it is not configured. */
  resolve(contract: string): Address | undefined {
    return contract.startsWith('0x') ? getAddress(contract) : this.params.contracts[contract];
  }

  /** Indexes LoungePass Transfer logs up to `toBlock`, so owned token ids are known without ERC721Enumerable. */
  async indexPass(toBlock: bigint, fromBlock = this.params.passFromBlock): Promise<void> {
    if (!this.pass) return;
    for (const range of logRanges(fromBlock, toBlock, this.params.logRange)) {
      const logs = await this.client.getLogs({
        address: this.pass,
        event: erc721Abi.find((item) => item.type === 'event' && item.name === 'Transfer')!,
        ...range,
      });
      // Each piece is applied as it arrives, so a failure later on keeps what was read.
      if (range.toBlock > this.indexedThrough) this.indexedThrough = range.toBlock;
      this.apply(logs.map((log) => toMovement(log as TransferLog)).filter((m) => m !== undefined));
    }
  }

  /** Applies token movements (idempotent, order-safe per token); returns the addresses whose holdings changed. */
  apply(movements: TokenMovement[]): Set<string> {
    const touched = new Set<string>();
    for (const movement of movements) {
      const isPass = this.pass && lower(movement.contract) === lower(this.pass);
      if (isPass && movement.tokenId !== undefined) {
        const at = (movement.blockNumber << 32n) + BigInt(movement.logIndex);
        const known = this.owners.get(movement.tokenId);
        if (known && known.at >= at) continue;
        this.owners.set(movement.tokenId, { owner: lower(movement.to), at });
      }
      touched.add(lower(movement.from));
      touched.add(lower(movement.to));
    }
    this.invalidate(touched);
    return touched;
  }

  /** Drops cached reads of these addresses; the next check reads the chain. */
  invalidate(addresses: Iterable<string>): void {
    for (const address of addresses) {
      const key = lower(address);
      this.cache.delete(key);
      this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    }
  }

  /** LoungePass token ids the index says `address` holds. */
  passTokensOf(address: string): bigint[] {
    const owner = lower(address);
    return [...this.owners].filter(([, entry]) => entry.owner === owner).map(([id]) => id);
  }

  /** Fallback for missed logs: checks indexed passes and balances on chain, reindexing when they disagree. */
  async verify(addresses: string[], head: () => Promise<bigint>): Promise<void> {
    if (!this.pass || addresses.length === 0) return;
    const pass = this.pass;
    const reads: Read[] = [];
    for (const address of addresses) {
      reads.push(read(`balance:${address}`, pass, erc721Abi, 'balanceOf', [address]));
      for (const id of this.passTokensOf(address))
        reads.push(read(`owner:${address}`, pass, erc721Abi, 'ownerOf', [id]));
    }
    const results = await this.readAll(reads);
    let stale = false;
    reads.forEach((r, i) => {
      const value = results[i];
      const expected = r.key.slice(r.key.indexOf(':') + 1);
      if (r.key.startsWith('owner:') && (typeof value !== 'string' || lower(value) !== lower(expected)))
        stale = true;
      if (r.key.startsWith('balance:')) {
        const address = r.key.slice('balance:'.length);
        if (value !== BigInt(this.passTokensOf(address).length)) stale = true;
      }
    });
    if (stale) {
      this.owners.clear();
      this.indexedThrough = -1n;
      await this.indexPass(await head());
    }
    this.invalidate(addresses);
  }

  /** What `address` holds of every contract the rule names; one batched read at most. */
  async holdingsFor(address: Address, rule: GateRule, depth = 0): Promise<Holdings> {
    const owner = lower(address);
    const generation = this.generation.get(owner) ?? 0;
    const cached = this.cache.get(owner) ?? new Map<string, unknown>();
    const wanted: Read[] = [];
    const want = (r: Read) => {
      if (depth > 1 && r.key === 'passBalance') return;
      if (!cached.has(r.key) && !wanted.some((w) => w.key === r.key)) wanted.push(r);
    };
    const conditions = conditionsOf(rule);
    for (const condition of conditions) {
      const contract = this.resolve(condition.contract);
      if (!contract) continue;
      if (this.pass && contract === this.pass && condition.standard === 'erc721') {
        want(read('passBalance', contract, erc721Abi, 'balanceOf', [address]));
        for (const id of this.passTokensOf(owner)) {
          if (condition.minTier !== undefined && !this.tiers.has(id))
            want(read(`tier:${id}`, contract, loungePassAbi, 'tierOf', [id]));
        }
      } else if (condition.standard === 'erc721' && condition.tokenIds) {
        for (const id of condition.tokenIds)
          want(read(`owner:${contract}:${id}`, contract, erc721Abi, 'ownerOf', [BigInt(id)]));
      } else if (condition.standard === 'erc721') {
        want(read(`balance:${contract}`, contract, erc721Abi, 'balanceOf', [address]));
      } else {
        for (const id of condition.tokenIds ?? [])
          want(read(`b1155:${contract}:${id}`, contract, erc1155Abi, 'balanceOf', [address, BigInt(id)]));
      }
    }
    const results = await this.readAll(wanted);
    // The chain knows of passes the index has not seen yet (a mint moments ago): catch up from the logs first.
    const balanceAt = wanted.findIndex((r) => r.key === 'passBalance');
    if (balanceAt >= 0 && results[balanceAt] !== BigInt(this.passTokensOf(owner).length)) {
      await this.indexPass(await this.client.getBlockNumber({ cacheTime: 0 }), this.indexedThrough + 1n);
      return this.holdingsFor(address, rule, depth + 1);
    }
    wanted.forEach((r, i) => {
      if (r.key.startsWith('tier:')) {
        if (typeof results[i] === 'number') this.tiers.set(r.args[0] as bigint, results[i]);
      } else cached.set(r.key, results[i]);
    });
    // A Transfer that arrived while reading makes these results stale: do not keep them. The index may now name
    // passes this read asked no tier for (the watcher applied a mint mid-read), which would read as "tier unknown"
    // and refuse a Gold holder: read again, once, for what the index holds now.
    if ((this.generation.get(owner) ?? 0) !== generation) {
      if (depth < 2) return this.holdingsFor(address, rule, depth + 1);
    } else this.cache.set(owner, cached);
    return this.assemble(owner, rule, cached);
  }

  private assemble(owner: string, rule: GateRule, cached: Map<string, unknown>): Holdings {
    const holdings: Holdings = {};
    for (const condition of conditionsOf(rule)) {
      const contract = this.resolve(condition.contract);
      const held = holdings[condition.contract] ?? {};
      holdings[condition.contract] = held;
      if (!contract) continue;
      if (this.pass && contract === this.pass && condition.standard === 'erc721') {
        const ids = this.passTokensOf(owner);
        held.balance = BigInt(ids.length);
        held.tokens = ids.map((id) => ({ id, ...(this.tiers.has(id) ? { tier: this.tiers.get(id)! } : {}) }));
      } else if (condition.standard === 'erc721' && condition.tokenIds) {
        const ids = condition.tokenIds.filter((id) => {
          const value = cached.get(`owner:${contract}:${id}`);
          return typeof value === 'string' && lower(value) === owner;
        });
        held.tokens = [...(held.tokens ?? []), ...ids.map((id) => ({ id: BigInt(id) }))];
      } else if (condition.standard === 'erc721') {
        const value = cached.get(`balance:${contract}`);
        held.balance = typeof value === 'bigint' ? value : 0n;
      } else {
        held.balances ??= {};
        for (const id of condition.tokenIds ?? []) {
          const value = cached.get(`b1155:${contract}:${id}`);
          held.balances[id] = typeof value === 'bigint' ? value : 0n;
        }
      }
    }
    return holdings;
  }

  // One multicall (Multicall3 or deployless) for many reads; parallel eth_calls where neither is possible.
  private async readAll(reads: Read[]): Promise<unknown[]> {
    if (reads.length === 0) return [];
    const mode = this.params.readMode;
    if (mode.kind === 'parallel' || reads.length === 1) {
      return Promise.all(
        reads.map((r) =>
          this.client
            .readContract({ address: r.address, abi: r.abi, functionName: r.functionName, args: r.args })
            .catch(() => undefined),
        ),
      );
    }
    const results = await this.client.multicall({
      contracts: reads.map((r) => ({
        address: r.address,
        abi: r.abi,
        functionName: r.functionName,
        args: r.args,
      })),
      allowFailure: true,
      ...(mode.kind === 'multicall3' ? { multicallAddress: mode.address } : { deployless: true }),
    });
    return results.map((result) => (result.status === 'success' ? result.result : undefined));
  }
}

function read(key: string, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Read {
  return { key, address, abi, functionName, args };
}

type TransferLog = Log & { args: { from?: Address; to?: Address; tokenId?: bigint } };

function toMovement(log: TransferLog): TokenMovement | undefined {
  const { from, to, tokenId } = log.args;
  if (!from || !to || log.blockNumber === null || log.logIndex === null) return undefined;
  return { contract: log.address, from, to, tokenId, blockNumber: log.blockNumber, logIndex: log.logIndex };
}
