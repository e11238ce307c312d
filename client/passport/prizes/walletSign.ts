import { type Address, BaseError, getAddress, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { connect, getAccount, signTypedData, switchChain } from 'wagmi/actions';
import type { forwardTypedData } from '../../../shared/protocol/relay.ts';
import { localKeyFor } from '../../wallet/localKey.ts';
import { loadPrizeWallet } from './prizeWallet.ts';

/** The EIP-712 ForwardRequest a wallet signs (shared/protocol/relay.ts `forwardTypedData`). */
export type ForwardTypedData = ReturnType<typeof forwardTypedData>;

/** The connected browser wallet is not the member's: signing with it would move nothing. */
export class WrongAccountError extends BaseError {
  constructor(connected: Address) {
    super('Connected wallet is not the member’s.', {
      metaMessages: [`Connected: ${connected}`],
      name: 'WrongAccountError',
    });
  }
}

/** The wallet stack could not load (the server named no chain): nothing can be signed. */
export class WalletUnavailableError extends BaseError {
  constructor() {
    super('Wallet setup unavailable.', { name: 'ProviderNotFoundError' });
  }
}

/**
 * Signs a relayed request as the member, for free: the local test wallet's key when this tab holds it, else the
 * browser wallet through wagmi (`connect` if needed, on the member's account and the forwarder's chain).
 */
export async function signForwardRequest(member: Address, typedData: ForwardTypedData): Promise<Hex> {
  const key = localKeyFor(member);
  if (key) return privateKeyToAccount(key).signTypedData(typedData);
  const wallet = await loadPrizeWallet();
  if (!wallet) throw new WalletUnavailableError();
  const { config } = wallet;
  let account = getAccount(config);
  if (!account.isConnected) {
    const connector = config.connectors[0];
    if (!connector) throw new WalletUnavailableError();
    await connect(config, { connector });
    account = getAccount(config);
  }
  if (!account.address || getAddress(account.address) !== getAddress(member))
    throw new WrongAccountError(account.address ?? '0x');
  const chainId = typedData.domain.chainId;
  if (account.chainId !== chainId) await switchChain(config, { chainId });
  return signTypedData(config, { account: getAddress(member), ...typedData });
}
