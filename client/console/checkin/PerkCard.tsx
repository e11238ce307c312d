import { forwardRef, useId } from 'react';
import type { CheckinPerk, CheckinUseResponse } from '../../../shared/protocol/checkin.ts';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';

type Outcome = CheckinUseResponse['result'];

/**
 * The perk behind a code, as the desk needs it: what it is, whose it is (display name), its state and expiry, and
 * the one big button that uses it. A used perk says when and by whom instead; an expired one says since when.
 */
export const PerkCard = forwardRef<
  HTMLButtonElement,
  { perk: CheckinPerk; outcome: Outcome | null; busy: boolean; onUse: () => void }
>(function PerkCard({ perk, outcome, busy, onUse }, useButton) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const heading = useId();
  const when = (at: number) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const usedLine =
    perk.usedAt === null
      ? ''
      : perk.usedByName
        ? t('checkin.usedAtBy', { time: when(perk.usedAt), staff: perk.usedByName })
        : t('checkin.usedAt', { time: when(perk.usedAt) });

  return (
    <section
      className={`card perk-card state-${perk.state}`}
      aria-labelledby={heading}
      data-testid="checkin-perk"
      data-state={perk.state}
    >
      <p className="perk-code">{perk.code}</p>
      <h2 id={heading} data-testid="checkin-perk-prize">
        {perk.prizeName}
      </h2>
      {perk.perkText && <p>{perk.perkText}</p>}
      <dl className="perk-facts">
        <div>
          <dt>{t('checkin.owner')}</dt>
          <dd data-testid="checkin-perk-owner">{perk.ownerName}</dd>
        </div>
        <div>
          <dt>{t('checkin.kind')}</dt>
          <dd>{t(`checkin.kind.${perk.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('checkin.state')}</dt>
          <dd data-testid="checkin-perk-state">{t(`checkin.state.${perk.state}`)}</dd>
        </div>
        <div>
          <dt>{perk.state === 'expired' ? t('checkin.expiredOn') : t('checkin.expires')}</dt>
          <dd>{when(perk.expiresAt)}</dd>
        </div>
      </dl>
      {perk.state === 'ready' && (
        <button
          ref={useButton}
          type="button"
          className="primary big"
          disabled={busy}
          onClick={onUse}
          data-testid="checkin-use"
        >
          {busy ? t('checkin.marking') : t('checkin.markUsed')}
        </button>
      )}
      {perk.state === 'used' && (
        <p
          className={outcome === 'marked' ? 'ok big-line' : 'error big-line'}
          role={outcome === 'alreadyUsed' ? 'alert' : 'status'}
          data-testid="checkin-used"
        >
          {outcome === 'marked' ? t('checkin.marked', { time: when(perk.usedAt ?? 0) }) : usedLine}
        </p>
      )}
      {perk.state === 'expired' && (
        <p className="error big-line" role={outcome === 'expired' ? 'alert' : undefined}>
          {t('checkin.expiredLine')}
        </p>
      )}
    </section>
  );
});
