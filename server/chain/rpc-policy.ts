import type { RpcRelayBody } from '../../shared/protocol/http.ts';

/** One JSON-RPC call of a relay body (a single call, or one item of a batch). */
export type RelayedRpcCall = Exclude<RpcRelayBody, readonly unknown[]>;

/** Most gas a relayed eth_call or eth_estimateGas may ask for: a prize action needs well under a tenth of it. */
export const RELAY_GAS_CAP = 10_000_000n;

/** How many params each relayed method takes; more (state and block overrides among them) are refused. */
const MAX_PARAMS: Record<RelayedRpcCall['method'], number> = {
  eth_chainId: 0,
  eth_blockNumber: 0,
  eth_gasPrice: 0,
  eth_maxPriorityFeePerGas: 0,
  // The transaction and a block tag; a third (state override) or fourth (block override) param is refused.
  eth_call: 2,
  eth_estimateGas: 2,
  eth_feeHistory: 3,
  eth_getBalance: 2,
  eth_getCode: 2,
  eth_getTransactionCount: 2,
  eth_getBlockByNumber: 2,
  eth_getTransactionByHash: 1,
  eth_getTransactionReceipt: 1,
  eth_sendRawTransaction: 1,
};

/** Why a call is not relayed: a code for the client and a detail for the developer. */
export type RelayRefusal = { code: 'rpcRefused'; detail: string };

/**
 * A call as it may reach the node: no overrides, and calls and estimates capped at RELAY_GAS_CAP (a call that names
 * no gas is given the cap, since the node would otherwise allow its whole block gas limit).
 */
export function policedCall(call: RelayedRpcCall): RelayedRpcCall | RelayRefusal {
  const params = call.params ?? [];
  const max = MAX_PARAMS[call.method];
  if (params.length > max)
    return refuse(`${call.method} takes at most ${max} params; state and block overrides are not relayed`);
  if (call.method !== 'eth_call' && call.method !== 'eth_estimateGas') return call;
  const [transaction, ...rest] = params;
  if (typeof transaction !== 'object' || transaction === null || Array.isArray(transaction))
    return refuse(`${call.method} needs a transaction object as its first param`);
  const gas = (transaction as { gas?: unknown }).gas;
  if (gas === undefined || gas === null)
    return { ...call, params: [{ ...transaction, gas: `0x${RELAY_GAS_CAP.toString(16)}` }, ...rest] };
  const asked = parseQuantity(gas);
  if (asked === undefined) return refuse(`${call.method}: gas must be a hex quantity`);
  if (asked > RELAY_GAS_CAP)
    return refuse(`${call.method}: gas ${asked} is over the relay's cap of ${RELAY_GAS_CAP}`);
  return call;
}

/** Type guard for the refusal branch of `policedCall`. */
export function isRefusal(value: RelayedRpcCall | RelayRefusal): value is RelayRefusal {
  return 'code' in value;
}

function refuse(detail: string): RelayRefusal {
  return { code: 'rpcRefused', detail };
}

function parseQuantity(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) return undefined;
  return BigInt(value);
}
