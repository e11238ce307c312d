import { useConnect } from 'wagmi';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { prizeErrorKey } from './prizeErrors.ts';

export interface ConnectToSignProps {
  onError: (key: MessageKey) => void;
}

/** A member who signed in with a browser wallet reconnects it here to sign gifts and redemptions. */
export function ConnectToSign({ onError }: ConnectToSignProps) {
  const t = useT();
  const { connectors, connectAsync, isPending } = useConnect();
  const connect = async () => {
    const connector = connectors[0];
    if (!connector) return onError('prizes.error.noWallet');
    try {
      await connectAsync({ connector });
    } catch (error) {
      onError(prizeErrorKey(error));
    }
  };
  return (
    <button type="button" onClick={() => void connect()} disabled={isPending} data-testid="prize-connect">
      {t('prizes.connect')}
    </button>
  );
}
