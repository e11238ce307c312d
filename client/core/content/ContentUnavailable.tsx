import { useT } from '../i18n/useT.ts';
import { useLayoverStore } from '../store.ts';
import { refreshContent } from './loadContent.ts';

/** Says the journeys, stamps and prizes did not load, with a retry; nothing while content is in hand or loading. */
export function ContentUnavailable() {
  const t = useT();
  const status = useLayoverStore((state) => state.contentStatus);
  const held = useLayoverStore((state) => state.content !== null);
  if (held || status === 'ready') return null;
  if (status === 'loading') return <p className="quest-loading">{t('content.loading')}</p>;
  return (
    <div className="content-unavailable" role="alert" data-testid="content-unavailable">
      <p>{t('content.unavailable')}</p>
      <button type="button" onClick={() => void refreshContent()} data-testid="content-retry">
        {t('content.retry')}
      </button>
    </div>
  );
}
