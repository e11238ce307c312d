import { ConnectButton } from '@rainbow-me/rainbowkit';
import { useState } from 'react';
import { useAccount, useSignMessage } from 'wagmi';
import { continueWithWallet, enterWithSession } from '../account/session.ts';
import { cleanDisplayName } from '../core/displayName.ts';
import { type ErrorCode, errorCodeOf } from '../core/errorCodes.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { signInWithEthereum } from './siweSignIn.ts';

export interface WalletSignInProps {
  name: string;
  chainId: number;
  /** A guest session to link; we then stay in the lounge instead of entering it. */
  linkToken?: string | undefined;
}

const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** Connect with RainbowKit, then sign a SIWE message to get a session and enter (or stay in) the lounge. */
export function WalletSignIn({ name, chainId, linkToken }: WalletSignInProps) {
  const t = useT();
  const { address, isConnected } = useAccount();
  const { signMessageAsync } = useSignMessage();
  const [signing, setSigning] = useState(false);
  const failSession = useLayoverStore((state) => state.failSession);
  const pushToast = useLayoverStore((state) => state.pushToast);
  // Inside the lounge a failure is a notice; the member keeps their seat.
  const fail = (code: ErrorCode) =>
    linkToken ? pushToast({ kind: 'alert', key: `error.${code}` }) : failSession(code);

  const signIn = async () => {
    const displayName = cleanDisplayName(name);
    if (!address || !displayName) {
      fail('invalidName');
      return;
    }
    setSigning(true);
    try {
      const session = await signInWithEthereum({
        address,
        chainId,
        name: displayName,
        signMessage: signMessageAsync,
        linkToken,
      });
      await (linkToken ? continueWithWallet(session) : enterWithSession(session));
    } catch (error) {
      console.warn('Layover: wallet sign-in failed', error);
      fail(errorCodeOf(error));
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="wallet-actions">
      <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
      {isConnected && address && (
        <button type="button" className="primary" onClick={() => void signIn()} disabled={signing}>
          {signing ? t('wallet.signing') : t('wallet.signIn', { address: shortAddress(address) })}
        </button>
      )}
      <p role="status" className="hint">
        {signing ? t('wallet.signing') : ''}
      </p>
    </div>
  );
}
