import { useT } from '../i18n/useT.ts';
import { useLayoverStore } from '../store.ts';
import type { ContentStatus } from './contentSlice.ts';
import { refreshContent } from './loadContent.ts';

export interface ContentUnavailableViewProps {
  status: ContentStatus;
  /** Content is in hand (an older version keeps working when a revalidation fails): nothing to say. */
  held: boolean;
  onRetry: () => void;
}

/** Says the journeys, stamps and prizes did not load, with a retry; nothing while content is in hand. */
export function ContentUnavailableView({ status, held, onRetry }: ContentUnavailableViewProps) {
  const t = useT();
  if (held || status === 'ready') return null;
  if (status === 'loading') return <p className="quest-loading">{t('content.loading')}</p>;
  return (
    <div className="content-unavailable" role="alert" data-testid="content-unavailable">
      <p>{t('content.unavailable')}</p>
      <button type="button" onClick={onRetry} data-testid="content-retry">
        {t('content.retry')}
      </button>
    </div>
  );
}

/** The view over the store: what the Journal shows above its journeys. */
export function ContentUnavailable() {
  const status = useLayoverStore((state) => state.contentStatus);
  const held = useLayoverStore((state) => state.content !== null);
  return <ContentUnavailableView status={status} held={held} onRetry={() => void refreshContent()} />;
}
