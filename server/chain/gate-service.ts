import { type Address, createPublicClient, http, type PublicClient } from 'viem';
import { type GateRule, parseRoomGates, roomGates } from '../../shared/content/gates.ts';
import { conditionsOf } from '../domain/gates.ts';
import { chooseReadMode, type ReadMode } from './multicall.ts';
import { OwnershipReader } from './ownership.ts';
import { HoldingsChanges, startTransferWatcher, TRANSFER_POLL_MS } from './transfer-watcher.ts';

/** How often gated rooms re-read their members' holdings from the chain, in case a Transfer log was missed. */
export const GATE_RECHECK_MS = 10_000;

/** What gated rooms need: the rules, the ownership reader, and the stream of holdings changes. */
export interface GateService {
  rules: ReadonlyMap<string, GateRule>;
  reader: OwnershipReader;
  changes: HoldingsChanges;
  readMode: ReadMode;
  recheckMs: number;
  /** Checks these addresses against the chain itself and drops their cached reads. */
  verify: (addresses: string[]) => Promise<void>;
  stop: () => void;
}

export type StartGateServiceParameters = {
  client: PublicClient;
  rpcUrl: string;
  contracts: Record<string, Address | undefined>;
  readMode?: ReadMode['kind'];
  recheckMs?: number;
  /** CHAIN_LOG_RANGE: the most blocks one getLogs spans (public RPCs refuse wide ranges). */
  logRange?: bigint;
  log?: (line: string) => void;
};

/** Validates the gate content, indexes LoungePass owners, and starts the Transfer watcher. */
export async function startGateService(params: StartGateServiceParameters): Promise<GateService> {
  const log = params.log ?? (() => {});
  const rules = new Map(parseRoomGates(roomGates).map((gate) => [gate.room, gate.rule]));
  const readMode = await chooseReadMode(params.client, params.readMode);
  const pass = params.contracts.LoungePass;
  const head = await params.client.getBlockNumber({ cacheTime: 0 });
  const passFromBlock = pass ? await deployBlockOf(params.client, pass, head) : 0n;
  const reader = new OwnershipReader({
    rpcUrl: params.rpcUrl,
    chain: params.client.chain,
    contracts: params.contracts,
    readMode,
    passFromBlock,
    ...(params.logRange ? { logRange: params.logRange } : {}),
  });
  await reader.indexPass(head);

  const watched = new Set<Address>();
  for (const [room, rule] of rules) {
    for (const condition of conditionsOf(rule)) {
      const address = reader.resolve(condition.contract);
      if (address) watched.add(address);
      else log(`gates: ${room} needs ${condition.contract}, which is not configured; the room admits no one`);
    }
  }
  const changes = new HoldingsChanges();
  // Its own client: the shared one caches the block number for seconds, which would delay every removal.
  const watchClient = createPublicClient({
    chain: params.client.chain,
    transport: http(params.rpcUrl),
    pollingInterval: TRANSFER_POLL_MS,
    cacheTime: 0,
  }) as PublicClient;
  const watcher = startTransferWatcher({
    client: watchClient,
    reader,
    contracts: [...watched],
    fromBlock: head + 1n,
    changes,
    ...(params.logRange ? { logRange: params.logRange } : {}),
    onError: (error) => log(`gates: Transfer watcher: ${error.message.split('\n')[0]}`),
  });
  log(
    `gates: ${rules.size} gated rooms; reads by ${readMode.kind}; passes indexed from block ${passFromBlock}`,
  );
  return {
    rules,
    reader,
    changes,
    readMode,
    recheckMs: params.recheckMs ?? GATE_RECHECK_MS,
    verify: (addresses) => reader.verify(addresses, () => params.client.getBlockNumber({ cacheTime: 0 })),
    stop: watcher.stop,
  };
}

// The block a contract was created in, by bisecting on its code; 0 when the node keeps no historical state.
async function deployBlockOf(client: PublicClient, address: Address, head: bigint): Promise<bigint> {
  try {
    let low = 0n;
    let high = head;
    while (low < high) {
      const middle = (low + high) / 2n;
      const code = await client.getCode({ address, blockNumber: middle });
      if (code && code !== '0x') high = middle;
      else low = middle + 1n;
    }
    return low;
  } catch {
    return 0n;
  }
}
