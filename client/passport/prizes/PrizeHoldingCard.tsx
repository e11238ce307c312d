import { useEffect } from 'react';
import type { Address } from 'viem';
import { perkSpecFor } from '../../../shared/content/perks.ts';
import type { RelayPrizeView } from '../../../shared/protocol/relay.ts';
import { useContent } from '../../core/content/useContent.ts';
import { findPrize, localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { shortHash } from '../formatDate.ts';
import { GiftChooser } from './GiftChooser.tsx';
import { GiftLinkBox } from './GiftLinkBox.tsx';
import { holdingKey, usePrizeOutcomes } from './prizeOutcomes.ts';
import { whereText } from './prizeWhere.ts';
import { ReauthPrompt } from './ReauthPrompt.tsx';
import { RelayWorking } from './RelayWorking.tsx';
import { relayErrorKey } from './relayErrors.ts';
import { useRelayAction } from './useRelayAction.ts';

export interface PrizeHoldingCardProps {
  holding: RelayPrizeView;
  /** The member's wallet, when they have one (a wallet-held prize is signed for with it). */
  wallet: Address | null;
  onMoved: () => void;
}

/** One prize where it is now, with its perk, and Redeem and Gift that cost the member no gas. */
export function PrizeHoldingCard({ holding, wallet, onMoved }: PrizeHoldingCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  // The server moves nothing for a guest session: say what to do instead of offering buttons that are refused.
  const guest = useLayoverStore((state) => state.sessionKind === 'guest');
  const { prizeId, where, amount } = holding;
  const key = holdingKey(prizeId, where);
  const outcome = usePrizeOutcomes((state) => state.byHolding[key]);
  const { step, setStep, run } = useRelayAction({ prizeId, wallet, onMoved });
  const content = findPrize(prizeId);
  const name = content ? localize(content.name, locale) : prizeId;
  const redeemable = perkSpecFor(prizeId) !== undefined;
  const id = `holding-${prizeId}-${where}`;
  const place = whereText(where, wallet);

  useEffect(() => {
    if (step.step === 'done') usePrizeOutcomes.getState().record(key, step.action);
  }, [step, key]);

  const busy = step.step === 'working';
  return (
    <li className="prize prize-holding" data-testid={id} data-where={where} data-amount={amount}>
      <h3 className="prize-name">{name}</h3>
      {content && <p className="prize-perk">{localize(content.perk, locale)}</p>}
      {amount > 0 && (
        <p className={`prize-where prize-where-${where}`} data-testid={`${id}-where`}>
          {t(place.key, place.vars)}
          {amount > 1 && <> · {t('rewards.count', { count: amount })}</>}
        </p>
      )}
      {amount > 0 && guest && <p className="prize-note">{t('rewards.reauthGuest')}</p>}
      {amount > 0 && !guest && (step.step === 'idle' || step.step === 'done') && (
        <>
          {!redeemable && <p className="prize-note">{t('rewards.holdToUse')}</p>}
          {!holding.giftable && <p className="prize-note">{t('prizes.soulbound')}</p>}
          {(redeemable || holding.giftable) && (
            <div className="prize-buttons">
              {redeemable && (
                <button
                  type="button"
                  onClick={() => setStep({ step: 'confirmRedeem' })}
                  data-testid={`${id}-redeem`}
                >
                  {t('rewards.redeem')}
                </button>
              )}
              {holding.giftable && (
                <button type="button" onClick={() => setStep({ step: 'gift' })} data-testid={`${id}-gift`}>
                  {t('rewards.gift')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      {step.step === 'confirmRedeem' && (
        <div className="prize-confirm">
          <p>{t('rewards.redeemConfirm', { prize: name })}</p>
          <div className="prize-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => void run({ kind: 'redeem' })}
              data-testid={`${id}-redeem-confirm`}
              // biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that had the focus.
              autoFocus
            >
              {t('rewards.redeemYes')}
            </button>
            <button type="button" onClick={() => setStep({ step: 'idle' })}>
              {t('rewards.cancel')}
            </button>
          </div>
        </div>
      )}
      {step.step === 'gift' && (
        <GiftChooser
          member={wallet}
          busy={busy}
          onToAddress={(to) => void run({ kind: 'gift', to })}
          onLink={() => void run({ kind: 'gift', link: true })}
          onCancel={() => setStep({ step: 'idle' })}
          testId={`${id}-gift-choice`}
        />
      )}
      {step.step === 'working' && <RelayWorking phase={step.phase} />}
      {step.step === 'reauth' && (
        <ReauthPrompt onCancel={() => setStep({ step: 'idle' })} testId={`${id}-reauth`} />
      )}
      {step.step === 'failed' && (
        <div className="prize-buttons">
          <p className="prize-error" role="alert" data-testid={`${id}-error`} data-code={step.code}>
            {t(relayErrorKey(step.code), { address: wallet ?? '' })}
          </p>
          <button type="button" onClick={() => setStep({ step: 'idle' })}>
            {t('claim.close')}
          </button>
        </div>
      )}
      {outcome && step.step !== 'working' && (
        <div className="prize-outcome" data-testid={`${id}-outcome`} data-kind={outcome.kind}>
          {outcome.claimToken ? (
            <GiftLinkBox token={outcome.claimToken} prizeName={name} testId={`${id}-link`} />
          ) : (
            <p role="status">
              {outcome.kind === 'redeem'
                ? t('rewards.redeemedDone')
                : t('rewards.giftedDone', { address: outcome.to ? shortHash(outcome.to) : '' })}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
