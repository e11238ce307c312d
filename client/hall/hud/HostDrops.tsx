import { useContent } from '../../core/content/useContent.ts';
import { prizeName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useHallEvent } from '../hallHooks.ts';
import { sendHost } from '../net/eventSend.ts';

/** The event's scheduled drops, each released once by the host; the one running shows as open. */
export function HostDrops() {
  const t = useT();
  const event = useHallEvent();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const current = useLayoverStore((state) => state.hall?.stage.drop ?? null);
  const drops = event?.drops ?? [];
  return (
    <div className="host-drops">
      <p className="event-card-kicker">{t('host.drops')}</p>
      {drops.length === 0 ? (
        <p className="event-empty">{t('host.noDrops')}</p>
      ) : (
        <ul>
          {drops.map((drop) => {
            const running = current?.id === drop.id && current.state === 'open';
            const prize = prizeName(drop.prizeId, locale);
            return (
              <li key={drop.id}>
                <span>
                  {t(drop.mode === 'raffle' ? 'host.dropRaffle' : 'host.dropFirst', {
                    prize,
                    supply: drop.supply,
                    seconds: drop.windowSeconds,
                  })}
                </span>
                <button
                  type="button"
                  onClick={() => sendHost('releaseDrop', { dropId: drop.id })}
                  disabled={running}
                  aria-label={t('host.releaseLabel', { prize })}
                  data-testid={`host-release-${drop.id}`}
                >
                  {running ? t('host.dropRunning') : t('host.release')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
