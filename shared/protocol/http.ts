import { z } from 'zod';
import { DisplayNameText } from '../text/text-schemas.ts';
import { DISPLAY_NAME_MAX } from './limits.ts';
import type { MediaStatus } from './media.ts';

export { DISPLAY_NAME_MAX };

/** A display name: Unicode-cleaned, 1-24 characters, one lookalike script, no staff word (`shared/text`). */
export const DisplayName = DisplayNameText;

export const GuestSignInBody = z.strictObject({ name: DisplayName });
export type GuestSignInBody = z.infer<typeof GuestSignInBody>;

export interface SessionResponse {
  token: string;
  member: { id: string; name: string; address: string | null };
}

export const TestWalletBody = z.strictObject({
  name: DisplayName,
  /** A guest's session token: the guest keeps their record (and held rewards) and gains the wallet. */
  linkToken: z.string().min(20).max(200).optional(),
  /** Dev chain only: the wallet also gets the brand's host role (the console and host controls open for it). */
  host: z.boolean().optional(),
});
export type TestWalletBody = z.infer<typeof TestWalletBody>;

export interface TestWalletResponse extends SessionResponse {
  /** Private key of a freshly funded dev-chain account; only ever issued on a local chain. */
  privateKey: `0x${string}`;
  address: `0x${string}`;
  /** Decimal id of the Gold LoungePass minted to the wallet, so the VIP lounge opens at once. */
  passTokenId: string;
}

export interface HealthResponse {
  ok: boolean;
  chainId: number;
  contracts: Record<string, `0x${string}`>;
  testWallet: boolean;
  /** Same-origin JSON-RPC relay to the chain for the browser's wallet reads and signed sends (`/rpc`). */
  rpcUrl: string;
  /** Live media (issue 22): up, down (Janus restarting; the server reconnects by itself) or off (MEDIA=off, no Janus). */
  media: MediaStatus;
}

/** JSON-RPC methods the browser may relay through POST /rpc: reads, fees, and already-signed transactions. */
export const RELAYED_RPC_METHODS = [
  'eth_chainId',
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getBalance',
  'eth_getCode',
  'eth_getTransactionCount',
  'eth_getBlockByNumber',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
  'eth_sendRawTransaction',
] as const;

const RpcCall = z.strictObject({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.number().int(), z.string().max(64), z.null()]),
  method: z.enum(RELAYED_RPC_METHODS),
  params: z.array(z.unknown()).max(8).optional(),
});
/** POST /rpc: one call or a batch of at most 20. */
export const RpcRelayBody = z.union([RpcCall, z.array(RpcCall).min(1).max(20)]);
export type RpcRelayBody = z.infer<typeof RpcRelayBody>;

/** Error body of every failed HTTP call: a code the client translates, and detail for developers. */
export interface ApiError {
  error: string;
  detail?: string;
}

/** DELETE /api/members/me: the member confirms they want their data erased. */
export const EraseMeBody = z.strictObject({ confirm: z.literal('erase my data') });
export type EraseMeBody = z.infer<typeof EraseMeBody>;

export interface EraseMeResponse {
  erased: true;
  /** Rewards already being minted to the member's wallet; they still arrive. */
  inFlight: number;
  /** Rewards held for a guest that are now cancelled. */
  cancelled: number;
}
