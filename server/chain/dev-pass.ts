import { type Address, createPublicClient, createWalletClient, type Hex, http, parseEventLogs } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';

/** LoungePass tiers (1 Silver, 2 Gold, 3 Platinum), from the pass rules' content, for the dev callers below. */
export { PassTier } from '../../shared/content/pass-rules.ts';

// One mint at a time per minter key, so concurrent test wallets never race for the same nonce.
const queues = new Map<string, Promise<unknown>>();

export type MintDevPassParameters = {
  rpcUrl: string;
  pass: Address;
  /** Key holding MINTER_ROLE on the dev chain (anvil's oracle account unless MINTER_KEY says otherwise). */
  minterKey: Hex;
  to: Address;
  tier: number;
};

/**
 * Mints a LoungePass on the local dev chain and waits for it; returns the new token id. The dev shortcut only (the
 * test wallet's Gold pass, minted with the faucet key so it never touches the oracle's nonces): members' passes are
 * issued by the pass rules through the oracle's outbox (server/passes). Never used on a real network.
 */
export function mintDevPass(params: MintDevPassParameters): Promise<bigint> {
  const account = privateKeyToAccount(params.minterKey);
  const previous = queues.get(account.address) ?? Promise.resolve();
  const minted = previous.catch(() => {}).then(() => mint(params));
  queues.set(account.address, minted);
  return minted;
}

async function mint(params: MintDevPassParameters): Promise<bigint> {
  const account = privateKeyToAccount(params.minterKey);
  const transport = http(params.rpcUrl);
  const client = createPublicClient({ chain: foundry, transport });
  const { request } = await client.simulateContract({
    account,
    address: params.pass,
    abi: loungePassAbi,
    functionName: 'mint',
    args: [params.to, params.tier],
  });
  const hash = await createWalletClient({ account, chain: foundry, transport }).writeContract(request);
  const receipt = await client.waitForTransactionReceipt({ hash });
  const [minted] = parseEventLogs({ abi: loungePassAbi, eventName: 'PassMinted', logs: receipt.logs });
  if (receipt.status !== 'success' || !minted) throw new Error(`LoungePass: dev mint failed (tx ${hash})`);
  return minted.args.tokenId;
}
