import { ConnectButton } from '@rainbow-me/rainbowkit';
import { useState } from 'react';
import { useAccount, useSignMessage } from 'wagmi';
import { signInWithEthereum } from '../wallet/siweSignIn.ts';
import { type ConsoleErrorCode, consoleErrorOf } from './errors.ts';
import { useT } from './i18n/useT.ts';
import { shortAddress } from './names.ts';
import { startSession } from './session.ts';

export interface WalletSignInButtonProps {
  chainId: number;
  onError: (code: ConsoleErrorCode) => void;
  /** Checks the name box: the cleaned name, or null when it is not valid (the screen then says why). */
  onInvalidName: () => string | null;
}

/** Connect, sign the lounge's SIWE message, then check the session has the host role before opening the console. */
export function WalletSignInButton({ chainId, onError, onInvalidName }: WalletSignInButtonProps) {
  const t = useT();
  const { address, isConnected } = useAccount();
  const { signMessageAsync } = useSignMessage();
  const [signing, setSigning] = useState(false);

  const signIn = async () => {
    const name = onInvalidName();
    if (!address || !name) return;
    setSigning(true);
    try {
      const session = await signInWithEthereum({ address, chainId, name, signMessage: signMessageAsync });
      await startSession(session.token);
    } catch (error) {
      console.warn('Layover console: wallet sign-in failed', error);
      onError(consoleErrorOf(error));
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="stack">
      <ConnectButton showBalance={false} chainStatus="none" accountStatus="address" />
      {isConnected && address && (
        <button
          type="button"
          className="primary"
          onClick={() => void signIn()}
          disabled={signing}
          data-testid="console-wallet-sign"
        >
          {signing ? t('signIn.walletSigning') : t('signIn.walletAs', { address: shortAddress(address) })}
        </button>
      )}
      <p role="status" className="hint">
        {signing ? t('signIn.walletSigning') : ''}
      </p>
    </div>
  );
}
