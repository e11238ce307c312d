import { useT } from '../../core/i18n/useT.ts';

export interface RelayWorkingProps {
  phase: 'prepare' | 'sign' | 'submit' | 'pending';
}

/** What a card waits on: the wallet's signature (the member acts), or the lounge and the chain (nothing to do). */
export function RelayWorking({ phase }: RelayWorkingProps) {
  const t = useT();
  const key =
    phase === 'sign' ? 'rewards.signInWallet' : phase === 'pending' ? 'rewards.pending' : 'rewards.working';
  return (
    <p className="prize-status" role="status" aria-live="polite" data-phase={phase}>
      {t(key)}
    </p>
  );
}
