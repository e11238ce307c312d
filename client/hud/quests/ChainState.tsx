import type { DeliveryState } from '../../../shared/protocol/quests.ts';
import { useT } from '../../i18n/useT.ts';
import { shortHash } from '../../quests/formatDate.ts';

export interface ChainStateProps {
  state: DeliveryState;
  txHash: string | null;
  testId: string;
}

/** Where a stamp token or prize stands on its way to the wallet, with its transaction once sent. */
export function ChainState({ state, txHash, testId }: ChainStateProps) {
  const t = useT();
  return (
    <p className={`chain chain-${state}`} data-testid={testId} data-state={state}>
      <span className="chain-dot" aria-hidden="true" />
      <span>{t(`chain.${state}`)}</span>
      {txHash && (
        <code className="chain-tx" title={txHash}>
          <span aria-hidden="true">{shortHash(txHash)}</span>
          <span className="visually-hidden">{t('chain.tx', { hash: txHash })}</span>
        </code>
      )}
    </p>
  );
}
