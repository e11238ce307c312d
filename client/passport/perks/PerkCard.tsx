import type { PerkView } from '../../../shared/protocol/perks.ts';
import { useContent } from '../../core/content/useContent.ts';
import { findPrize, localize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { placeName } from '../placeName.ts';
import { CopyText } from '../points/CopyText.tsx';
import { PerkQr } from './PerkQr.tsx';
import { ShippingForm } from './ShippingForm.tsx';

export interface PerkCardProps {
  perk: PerkView;
  onChange: (perk: PerkView) => void;
}

/** One perk: its state, the code big enough to read out with its QR, until when it lasts, and a parcel's address. */
export function PerkCard({ perk, onChange }: PerkCardProps) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const content = findPrize(perk.prizeId);
  const ready = perk.state === 'ready';
  const headingId = `perk-${perk.id}-name`;
  return (
    <li
      className={`perk perk-${perk.state}`}
      data-testid={`perk-${perk.id}`}
      data-prize={perk.prizeId}
      data-state={perk.state}
      aria-labelledby={headingId}
    >
      <div className="perk-head">
        <h4 id={headingId}>{content ? localize(content.name, locale) : perk.prizeId}</h4>
        <span className={`perk-state perk-state-${perk.state}`} data-testid={`perk-state-${perk.id}`}>
          {t(`perks.state.${perk.state}`)}
        </span>
      </div>
      {content && <p className="perk-text">{localize(content.perk, locale)}</p>}
      {ready && (
        <div className="perk-code-block">
          <div>
            <p className="perk-label">{t('perks.code')}</p>
            <span className="perk-code">
              <CopyText
                value={perk.code}
                label={t('perks.copyCode')}
                copiedLabel={t('perks.codeCopied')}
                testId={`perk-code-${perk.id}`}
              />
            </span>
            <p className="perk-hint">{t('perks.showAtDesk')}</p>
          </div>
          <PerkQr payload={perk.qrPayload} code={perk.code} testId={`perk-qr-${perk.id}`} />
        </div>
      )}
      {ready && perk.partnerCode && (
        <p className="perk-partner">
          <span className="perk-label">{t('perks.partnerCode')}</span>{' '}
          <CopyText
            value={perk.partnerCode}
            label={t('perks.copyCode')}
            copiedLabel={t('perks.codeCopied')}
            testId={`perk-partner-${perk.id}`}
          />
        </p>
      )}
      <p className="perk-when" data-testid={`perk-when-${perk.id}`}>
        {perk.state === 'used' && perk.usedAt !== null
          ? t('perks.usedOn', { at: perk.usedAt })
          : perk.state === 'expired'
            ? t('perks.expiredOn', { at: perk.expiresAt })
            : perk.room
              ? t('perks.accessUntil', { room: placeName(perk.room, locale), at: perk.expiresAt })
              : t('perks.expires', { at: perk.expiresAt })}
      </p>
      {perk.shipping?.submitted && perk.shipping.submittedAt !== null && (
        <p className="perk-hint">{t('perks.ship.sent', { at: perk.shipping.submittedAt })}</p>
      )}
      {ready && perk.kind === 'physical' && perk.shipping && !perk.shipping.submitted && (
        <ShippingForm perkId={perk.id} onSent={onChange} />
      )}
    </li>
  );
}
