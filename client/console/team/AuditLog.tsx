import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditEntryView } from '../../../shared/protocol/team.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { fetchAudit } from './teamApi.ts';

const shown = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log, newest first, filtered by an action prefix (`team.`, `events.`...), older pages on demand. */
export function AuditLog() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), filter: useId() };
  const [filter, setFilter] = useState('');
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);

  const load = useCallback(async (action: string, before?: number) => {
    setError(null);
    try {
      const query = { ...(action ? { action } : {}), ...(before ? { before } : {}) };
      const page = await withSession((token) => fetchAudit(token, query));
      setEntries((shownSoFar) => (before ? [...(shownSoFar ?? []), ...page.entries] : page.entries));
      setNext(page.next);
    } catch (failure) {
      setError(consoleErrorOf(failure));
    }
  }, []);
  useEffect(() => void load(''), [load]);

  return (
    <section aria-labelledby={ids.heading} data-testid="team-audit">
      <h3 id={ids.heading}>{t('team.audit.heading')}</h3>
      <form
        className="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          void load(filter.trim());
        }}
      >
        <div className="field">
          <label htmlFor={ids.filter}>{t('team.audit.filter')}</label>
          <input id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <button type="submit">{t('team.audit.apply')}</button>
      </form>
      <p role="alert" className="error">
        {error ? t(`error.${error}`) : ''}
      </p>
      {entries?.length === 0 && <p className="hint">{t('team.audit.empty')}</p>}
      {entries && entries.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; a keyboard must reach it
        <section className="table-scroll" aria-labelledby={ids.heading} tabIndex={0}>
          <table className="stack-table" aria-labelledby={ids.heading}>
            <thead>
              <tr>
                <th scope="col">{t('team.audit.col.at')}</th>
                <th scope="col">{t('team.audit.col.actor')}</th>
                <th scope="col">{t('team.audit.col.action')}</th>
                <th scope="col">{t('team.audit.col.target')}</th>
                <th scope="col">{t('team.audit.col.before')}</th>
                <th scope="col">{t('team.audit.col.after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatWhen(entry.at, locale)}</td>
                  <td>{entry.actorLabel}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td className="hash">{entry.target}</td>
                  <td className="hash">{shown(entry.before)}</td>
                  <td className="hash">{shown(entry.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {next !== null && (
        <button type="button" onClick={() => void load(filter.trim(), next)}>
          {t('team.audit.more')}
        </button>
      )}
    </section>
  );
}
