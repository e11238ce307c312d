import { useEffect, useRef, useState } from 'react';
import type { RelayActionView } from '../../shared/protocol/relay.ts';
import { useContent } from '../core/content/useContent.ts';
import { findPrize, localize } from '../core/content.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { claimGift } from './claimApi.ts';
import { claimErrorKey, claimFailureCode } from './claimErrors.ts';
import { forgetClaimToken, takeClaimToken } from './claimToken.ts';
import { useClaimView } from './useClaimView.ts';
import './claim.css';

type ClaimStep =
  | { step: 'idle' }
  | { step: 'claiming' }
  | { step: 'done'; action: RelayActionView }
  | { step: 'failed'; code: string };

/**
 * The gift-link page (`/?claim=<token>`): what the gift is, a nudge to enter or sign in (any way) while nobody is,
 * then "Claim it" into the member's own account; used, expired, unknown and own links each say so plainly.
 */
export function ClaimLink() {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const status = useLayoverStore((state) => state.status);
  const session = useLayoverStore((state) => state.token);
  const [claim, setClaim] = useState<string | null>(takeClaimToken);
  const [round, setRound] = useState(0);
  const [step, setStep] = useState<ClaimStep>({ step: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const inLounge = status === 'inLounge' && session !== null;
  const answer = useClaimView(inLounge ? claim : null, inLounge ? session : null, round);

  useEffect(() => {
    if (inLounge) heading.current?.focus();
  }, [inLounge]);

  if (!claim) return null;
  const close = () => {
    forgetClaimToken();
    setClaim(null);
  };
  const view = !answer.loading && 'view' in answer ? answer.view : null;
  const content = view ? findPrize(view.prizeId) : undefined;
  const prize = content ? localize(content.name, locale) : (view?.prizeId ?? '');
  const refusal = !inLounge
    ? null
    : step.step === 'failed'
      ? step.code
      : !answer.loading && 'error' in answer
        ? answer.error
        : view?.state === 'claimed' && step.step !== 'done'
          ? 'claimUsed'
          : null;

  const onClaim = () => {
    if (!session) return;
    setStep({ step: 'claiming' });
    claimGift(claim, session).then(
      (action) => {
        setStep({ step: 'done', action });
        forgetClaimToken();
      },
      (failure: unknown) => setStep({ step: 'failed', code: claimFailureCode(failure) }),
    );
  };

  return (
    <section
      className={inLounge ? 'claim-card' : 'claim-card claim-entry'}
      aria-labelledby="claim-heading"
      data-testid="claim-link"
      data-state={
        !inLounge ? 'signIn' : step.step === 'done' ? 'claimed' : (refusal ?? view?.state ?? 'loading')
      }
    >
      <h2 id="claim-heading" ref={heading} tabIndex={-1}>
        {t('claim.heading')}
      </h2>
      {inLounge && answer.loading && <p>{t('claim.loading')}</p>}
      {view && content && step.step !== 'done' && (
        <p>{t('claim.intro', { prize, perk: localize(content.perk, locale) })}</p>
      )}
      {refusal ? (
        <p className="claim-problem" role="alert" data-testid="claim-problem" data-code={refusal}>
          {t(claimErrorKey(refusal))}
        </p>
      ) : step.step === 'done' ? (
        <p role="status" data-testid="claim-done">
          {t('claim.done', { prize })}
        </p>
      ) : view?.state === 'pending' ? (
        <p role="status">{t('claim.pending')}</p>
      ) : !inLounge ? (
        <p data-testid="claim-sign-in">{t('claim.signInFirst')}</p>
      ) : null}
      <div className="claim-buttons">
        {inLounge && view && !refusal && step.step !== 'done' && view.state !== 'pending' && (
          <button
            type="button"
            className="primary"
            onClick={onClaim}
            disabled={step.step === 'claiming'}
            data-testid="claim-accept"
          >
            {t(step.step === 'claiming' ? 'claim.claiming' : 'claim.claim')}
          </button>
        )}
        {view?.state === 'pending' && !refusal && (
          <button type="button" onClick={() => setRound((n) => n + 1)}>
            {t('claim.claim')}
          </button>
        )}
        <button type="button" onClick={close} data-testid="claim-close">
          {t(step.step === 'done' || refusal ? 'claim.close' : 'claim.later')}
        </button>
      </div>
    </section>
  );
}
