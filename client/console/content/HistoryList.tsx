import { useState } from 'react';
import type { ConsoleContent } from '../../../shared/protocol/content.ts';
import { ApiError } from '../../core/http.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { shortAddress } from '../names.ts';
import { withSession } from '../session.ts';
import { rollbackContent } from './contentApi.ts';

export interface HistoryListProps {
  content: ConsoleContent;
  /** A rollback went live (or someone published first): the page reloads its content. */
  onChanged: () => void;
}

/** Published versions, newest first; any older one can be published again as a copy (one click and a confirm). */
export function HistoryList({ content, onChanged }: HistoryListProps) {
  const t = useT();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const rollback = async (toVersion: number) => {
    setBusy(true);
    try {
      const answer = await withSession((token) => rollbackContent(token, toVersion, content.version));
      setMessage(t('content.rolledBack', { version: answer.version, from: toVersion }));
      onChanged();
    } catch (error) {
      const conflict = error instanceof ApiError && error.code === 'contentConflict';
      setMessage(conflict ? t('content.conflict') : t(`error.${consoleErrorOf(error)}`));
      if (conflict) onChanged();
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <section className="card" aria-labelledby="history-heading" data-testid="console-content-history">
      <h2 id="history-heading">{t('content.history')}</h2>
      <p role="status" className="form-alert" data-testid="console-content-rollback-status">
        {message}
      </p>
      {content.history.length === 0 ? (
        <p className="hint">{t('content.historyEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {content.history.map((entry) => (
            <li
              key={entry.version}
              className="draft"
              data-testid={`console-content-version-${entry.version}`}
            >
              <span>
                {t('content.historyLine', {
                  version: entry.version,
                  time: new Date(entry.at),
                  by: shortAddress(entry.by),
                })}
                {entry.note && <> {t('content.historyNote', { note: entry.note })}</>}
              </span>
              {entry.version === content.version ? (
                <strong>{t('content.liveNow')}</strong>
              ) : confirming === entry.version ? (
                <span className="confirm">
                  <span>{t('content.rollbackConfirm', { version: entry.version })}</span>
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => void rollback(entry.version)}
                    data-testid="console-content-rollback-yes"
                  >
                    {t('content.rollbackYes')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                    {t('content.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  onClick={() => setConfirming(entry.version)}
                  data-testid={`console-content-rollback-${entry.version}`}
                >
                  {t('content.rollback')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
