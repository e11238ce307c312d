import { useState } from 'react';
import type { ConsoleLiveView } from '../../../shared/protocol/live-events.ts';
import { liftBan } from '../api.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';

export interface BanListProps {
  eventId: string;
  bans: ConsoleLiveView['bans'];
  /** Called after a ban is lifted, to refresh the live view. */
  onChanged: () => void;
}

/** Members banned from this event or the brand, each with a "Lift ban" button. */
export function BanList({ eventId, bans, onChanged }: BanListProps) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const lift = async (ban: ConsoleLiveView['bans'][number]) => {
    setBusy(ban.memberId);
    try {
      await withSession((token) => liftBan(token, ban.memberId, ban.scope, eventId));
      setMessage(t('live.banLifted', { name: ban.name }));
      onChanged();
    } catch (error) {
      const code = consoleErrorOf(error);
      setMessage(t(`error.${code}`));
      if (code === 'banNotFound') onChanged();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="live-bans">
      <h3 id="live-bans">{t('live.bans')}</h3>
      {bans.length === 0 ? (
        <p className="hint">{t('live.noBans')}</p>
      ) : (
        <ul className="plain-list">
          {bans.map((ban) => (
            <li key={`${ban.memberId}-${ban.scope}`} className="ban">
              <span>
                <strong>{ban.name}</strong> · {t(`live.scope.${ban.scope}`)} ·{' '}
                <time dateTime={ban.at}>{formatWhen(ban.at, locale)}</time>
              </span>
              <button
                type="button"
                onClick={() => void lift(ban)}
                disabled={busy !== null}
                aria-label={t('live.liftBanFor', { name: ban.name })}
                data-testid={`console-lift-ban-${ban.memberId}`}
              >
                {t('live.liftBan')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="hint">
        {message}
      </p>
    </section>
  );
}
