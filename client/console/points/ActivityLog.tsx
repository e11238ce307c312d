import { useId, useState } from 'react';
import { ACTIVITY_LOG_LIMIT, type ActivityStatus } from '../../../shared/protocol/console-points.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { useConsoleStore } from '../store.ts';
import { useRemote } from '../useRemote.ts';
import { fetchPartnerActivities } from './pointsApi.ts';

const STATUSES: ActivityStatus[] = ['credited', 'unmatched', 'reversed', 'dropped'];

/** A partner's latest activities: who (display name, or "not matched yet"), what, points, where it stands. */
export function ActivityLog({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), status: useId() };
  const [status, setStatus] = useState<ActivityStatus | ''>('');
  const remote = useRemote(
    (token) => fetchPartnerActivities(token, partnerId, status || undefined),
    `${partnerId}:${status}`,
  );
  const format = new Intl.NumberFormat(locale);
  const rows = remote.data?.activities;
  return (
    <section className="panel wide" aria-labelledby={ids.heading} data-testid="console-activity-log">
      <div className="section-head">
        <h3 id={ids.heading}>{t('points.activityFor', { name: partnerName })}</h3>
        <div className="head-tools">
          <div className="field inline">
            <label htmlFor={ids.status}>{t('points.status')}</label>
            <select
              id={ids.status}
              value={status}
              onChange={(event) => setStatus(event.target.value as ActivityStatus | '')}
              data-testid="console-activity-status"
            >
              <option value="">{t('points.statusAll')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`points.status.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={remote.reload}>
            {t('events.refresh')}
          </button>
        </div>
      </div>
      {remote.error && (
        <p role="alert" className="error">
          {t(`error.${remote.error}`)}
        </p>
      )}
      {!rows && !remote.error && <p className="hint">{t('nav.loading')}</p>}
      {rows && rows.length === 0 && <p className="hint">{t('points.noActivities')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="stack-table" aria-labelledby={ids.heading}>
            <thead>
              <tr>
                <th scope="col">{t('points.received')}</th>
                <th scope="col">{t('points.member')}</th>
                <th scope="col">{t('points.activity')}</th>
                <th scope="col" className="num">
                  {t('points.points')}
                </th>
                <th scope="col">{t('points.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="console-activity-item">
                  <td data-label={t('points.received')}>
                    <time dateTime={new Date(row.receivedAt).toISOString()}>
                      {formatWhen(new Date(row.receivedAt).toISOString(), locale)}
                    </time>
                  </td>
                  <td data-label={t('points.member')}>
                    {row.member ? row.member.name : <em>{t('points.unmatched')}</em>}
                  </td>
                  <td data-label={t('points.activity')}>
                    {row.description || row.type} <span className="hint">({row.type})</span>
                  </td>
                  <td className="num" data-label={t('points.points')}>
                    {format.format(row.points)}
                  </td>
                  <td data-label={t('points.status')}>
                    <span className={`status status-${row.status}`}>{t(`points.status.${row.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && rows.length >= ACTIVITY_LOG_LIMIT && (
        <p className="hint">{t('points.activityLimit', { count: ACTIVITY_LOG_LIMIT })}</p>
      )}
    </section>
  );
}
