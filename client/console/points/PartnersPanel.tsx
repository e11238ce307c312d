import { useId, useState } from 'react';
import type { ConsolePartner, PartnerSecretResponse } from '../../../shared/protocol/console-points.ts';
import { mayDo } from '../../../shared/protocol/staff-roles.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { ActivityLog } from './ActivityLog.tsx';
import { PartnerForm } from './PartnerForm.tsx';
import { fetchPartners, rotatePartner } from './pointsApi.ts';
import { type PointsErrorCode, pointsErrorOf } from './pointsErrors.ts';
import { SecretDialog } from './SecretDialog.tsx';

/**
 * Partner brands: who may send activities, how far their reversals may go below zero, where their webhook goes.
 * Admins add a partner or rotate its key (the key shows once, in a dialog); anyone opens a partner's activity log.
 */
export function PartnersPanel({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const isAdmin = useConsoleStore((state) => mayDo(state.me?.roles ?? [], 'support'));
  const ids = { heading: useId(), row: useId() };
  const remote = useRemote(fetchPartners, 'partners');
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<(PartnerSecretResponse & { rotated: boolean }) | null>(null);
  const [open, setOpen] = useState<ConsolePartner | null>(null);
  const [error, setError] = useState<PointsErrorCode | ConsoleErrorCode | null>(null);
  const format = new Intl.NumberFormat(locale);

  const rotate = async (partner: ConsolePartner) => {
    if (!window.confirm(t('points.confirmRotate', { name: partner.name }))) return;
    setError(null);
    try {
      const answer = await withSession((token) => rotatePartner(token, partner.id));
      setSecret({ ...answer, rotated: true });
    } catch (failure) {
      setError(pointsErrorOf(failure));
    }
  };

  const partners = remote.data?.partners;
  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="console-partners">
      <div className="section-head">
        <h2 id={ids.heading}>{t('points.partners')}</h2>
        {isAdmin && !adding && (
          <button
            type="button"
            className="primary"
            onClick={() => setAdding(true)}
            data-testid="console-partner-add"
          >
            {t('points.addPartner')}
          </button>
        )}
      </div>
      <p className="hint">{t('points.partnersIntro')}</p>
      {!isAdmin && <p className="note">{t('points.adminOnlyPartners')}</p>}
      <p role="alert" className="error">
        {error ? t(`error.${error}`) : remote.error ? t(`error.${remote.error}`) : ''}
      </p>
      {adding && (
        <PartnerForm
          onCancel={() => setAdding(false)}
          onCreated={(answer) => {
            setAdding(false);
            setSecret({ ...answer, rotated: false });
            remote.reload();
            onChanged();
          }}
        />
      )}
      {!partners && !remote.error && <p className="hint">{t('nav.loading')}</p>}
      {partners && partners.length === 0 && <p className="hint">{t('points.noPartners')}</p>}
      {partners && partners.length > 0 && (
        <div className="table-scroll">
          <table className="stack-table" aria-labelledby={ids.heading} data-testid="console-partner-list">
            <thead>
              <tr>
                <th scope="col">{t('points.partnerName')}</th>
                <th scope="col">{t('points.partnerId')}</th>
                <th scope="col" className="num">
                  {t('points.negativeLimit')}
                </th>
                <th scope="col">{t('points.webhook')}</th>
                <th scope="col">{t('points.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((partner) => {
                const nameId = `${ids.row}-${partner.id}`;
                return (
                  <tr key={partner.id} data-testid="console-partner-item" data-partner={partner.id}>
                    <th scope="row" id={nameId} data-label={t('points.partnerName')}>
                      {partner.name}
                      {!partner.active && <span className="status">{t('points.inactive')}</span>}
                    </th>
                    <td data-label={t('points.partnerId')}>
                      <code>{partner.id}</code>
                    </td>
                    <td className="num" data-label={t('points.negativeLimit')}>
                      {format.format(partner.negativeLimit)}
                    </td>
                    <td data-label={t('points.webhook')}>{partner.webhookUrl ?? t('points.noWebhook')}</td>
                    <td data-label={t('points.actions')}>
                      <div className="row-actions">
                        <button
                          type="button"
                          id={`${nameId}-log`}
                          aria-labelledby={`${nameId}-log ${nameId}`}
                          aria-expanded={open?.id === partner.id}
                          onClick={() => setOpen(open?.id === partner.id ? null : partner)}
                          data-testid="console-partner-activity"
                        >
                          {t('points.activityLog')}
                        </button>
                        {isAdmin && (
                          <button
                            type="button"
                            id={`${nameId}-rotate`}
                            className="danger"
                            aria-labelledby={`${nameId}-rotate ${nameId}`}
                            onClick={() => void rotate(partner)}
                            data-testid="console-partner-rotate"
                          >
                            {t('points.rotate')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {open && <ActivityLog key={open.id} partnerId={open.id} partnerName={open.name} />}
      {secret && <SecretDialog shown={secret} onClose={() => setSecret(null)} />}
    </section>
  );
}
