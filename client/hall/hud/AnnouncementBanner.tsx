import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** The host's latest announcement; re-keyed per announcement so it is heard (and flashes) each time. */
export function AnnouncementBanner() {
  const t = useT();
  const text = useLayoverStore((state) => state.hall?.stage.announcement ?? '');
  const seq = useLayoverStore((state) => state.hall?.stage.announcementSeq ?? 0);
  const host = useLayoverStore((state) => state.hall?.stage.hostName ?? '');
  return (
    <div className="event-announcement-region" role="status" aria-live="polite">
      {text && (
        <p key={seq} className="event-announcement" data-testid="event-announcement">
          <span className="event-announcement-from">
            {host ? t('event.announcementFrom', { name: host }) : t('event.announcement')}
          </span>{' '}
          {text}
        </p>
      )}
    </div>
  );
}
