import { useCallback, useEffect, useRef, useState } from 'react';
import type { Address } from 'viem';
import { forwardTypedData, type RelayActionView } from '../../../shared/protocol/relay.ts';
import { ApiError } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import { usePerksRefresh } from '../perks/perksRefresh.ts';
import { fetchRelayAction, prepareRelay, submitRelay } from './relayApi.ts';
import { relayFailureCode } from './relayErrors.ts';
import { intentBody, type RelayIntent, type RelayStep, stillPending } from './relayFlow.ts';

/** How often a card asks where its relayed action stands while the chain works on it. */
const POLL_MS = 1_500;

export interface RelayActionTarget {
  prizeId: string;
  /** The member's wallet (the signer of a wallet-held prize); null without one. */
  wallet: Address | null;
  /** Read the overview again once something moved. */
  onMoved: () => void;
}

/**
 * Redeem or gift one prize without the member paying gas: prepare, then sign with the wallet (wallet-held) or let
 * the server act (custody, held; after a fresh sign-in when it asks), submit, and follow it until it is done.
 */
export function useRelayAction({ prizeId, wallet, onMoved }: RelayActionTarget) {
  const token = useLayoverStore((state) => state.token);
  const [step, setStep] = useState<RelayStep>({ step: 'idle' });
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const finish = useCallback(
    (action: RelayActionView) => {
      if (action.status === 'failed') setStep({ step: 'failed', code: action.error ?? 'relayFailed' });
      else setStep({ step: 'done', action });
      if (action.kind === 'redeem' && action.status !== 'failed') usePerksRefresh.getState().redeemed();
      onMoved();
    },
    [onMoved],
  );

  const run = useCallback(
    async (intent: RelayIntent) => {
      const session = tokenRef.current;
      if (!session) return setStep({ step: 'failed', code: 'unauthorized' });
      setStep({ step: 'working', phase: 'prepare' });
      try {
        const body = intentBody(prizeId, intent);
        const prepared = await prepareRelay(session, body);
        let submit: Parameters<typeof submitRelay>[1] = body;
        if (prepared.where === 'wallet') {
          if (!wallet) return setStep({ step: 'failed', code: 'noWallet' });
          setStep({ step: 'working', phase: 'sign' });
          const { signForwardRequest } = await import('./walletSign.ts');
          const signature = await signForwardRequest(
            wallet,
            forwardTypedData(prepared.domain, prepared.request),
          );
          submit = { ...body, request: prepared.request, chainId: prepared.domain.chainId, signature };
        } else if (prepared.reauth) {
          return setStep({ step: 'reauth', intent });
        }
        setStep({ step: 'working', phase: 'submit' });
        const first = await submitRelay(session, submit);
        // A claim link is ready to share at once: its token comes only in this answer.
        if (first.claimToken || !stillPending(first)) return finish(first);
        setStep({ step: 'working', phase: 'pending' });
        let action = first;
        while (stillPending(action)) {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          action = await fetchRelayAction(tokenRef.current ?? session, action.id);
        }
        finish(action);
      } catch (failure) {
        if (!(failure instanceof ApiError)) console.warn('Layover: prize move failed', failure);
        const code = relayFailureCode(failure);
        if (code === 'reauthRequired') return setStep({ step: 'reauth', intent });
        setStep({ step: 'failed', code });
        if (failure instanceof ApiError && failure.status > 0) onMoved();
      }
    },
    [prizeId, wallet, finish, onMoved],
  );

  // Signed in again while "sign in again to confirm" showed: carry on with what the member asked.
  const reauthIntent = step.step === 'reauth' ? step.intent : null;
  const tokenAtReauth = useRef<string | null>(null);
  useEffect(() => {
    if (!reauthIntent) {
      tokenAtReauth.current = null;
      return;
    }
    if (tokenAtReauth.current === null) tokenAtReauth.current = token;
    else if (token && token !== tokenAtReauth.current) void run(reauthIntent);
  }, [reauthIntent, token, run]);

  return { step, setStep, run };
}
