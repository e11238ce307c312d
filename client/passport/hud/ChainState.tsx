import type { DeliveryState } from '../../../shared/protocol/quests.ts';
import { useT } from '../../core/i18n/useT.ts';
import { TxHash } from './TxHash.tsx';

export interface ChainStateProps {
  state: DeliveryState;
  txHash: string | null;
  testId: string;
  /** Replaces the state's own words (a prize the member has since redeemed or gifted). */
  label?: string | undefined;
}

/** Where a stamp token or prize stands on its way to the wallet, with its transaction once sent. */
export function ChainState({ state, txHash, testId, label }: ChainStateProps) {
  const t = useT();
  return (
    <p className={`chain chain-${state}`} data-testid={testId} data-state={state}>
      <span className="chain-dot" aria-hidden="true" />
      <span>{label ?? t(`chain.${state}`)}</span>
      {txHash && <TxHash hash={txHash} testId={`${testId}-tx`} />}
    </p>
  );
}
