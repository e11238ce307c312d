import { useEffect } from 'react';
import type { CampaignText, MemberNotice } from '../../../shared/protocol/segments.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { enterEventHall } from '../loungeRoom.ts';
import { fetchNotices, markSeen } from './noticesApi.ts';
import './notices.css';

/** A campaign's text in the member's language, else English. */
const inLocale = (text: CampaignText, locale: string) =>
  text[locale as keyof CampaignText]?.trim() || text.en;

/**
 * The brand's notices at the member's visit: loaded once per member on entering, each a small card that is marked
 * seen (never shown again, on any device) when dismissed; an invitation to an upcoming or live event offers the hall.
 */
export function MemberNotices() {
  const t = useT();
  const token = useLayoverStore((state) => state.token);
  const memberId = useLayoverStore((state) => state.member?.id ?? null);
  const notices = useLayoverStore((state) => state.notices);
  const loadedFor = useLayoverStore((state) => state.noticesFor);
  const locale = useLayoverStore((state) => state.locale);

  useEffect(() => {
    if (!token || !memberId || loadedFor === memberId) return;
    let live = true;
    fetchNotices(token)
      .then((list) => live && useLayoverStore.getState().setNotices(memberId, list))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [token, memberId, loadedFor]);

  const dismiss = (notice: MemberNotice) => {
    useLayoverStore.getState().dropNotice(notice.id);
    if (token) void markSeen(token, notice.id).catch(() => {});
  };
  if (notices.length === 0) return null;
  return (
    <section className="member-notices" aria-label={t('notices.region')} data-testid="member-notices">
      {notices.slice(0, 3).map((notice) => {
        const heading = notice.title ? inLocale(notice.title, locale) : t('notices.invited');
        return (
          <article key={notice.id} className="member-notice" data-testid={`notice-${notice.id}`}>
            <h2>{heading}</h2>
            <p>{inLocale(notice.body, locale)}</p>
            <div className="member-notice-actions">
              {notice.event && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    const eventId = notice.event?.id;
                    dismiss(notice);
                    if (eventId) void enterEventHall(eventId);
                  }}
                  data-testid={`notice-hall-${notice.id}`}
                >
                  {t('notices.goToHall')}
                </button>
              )}
              <button
                type="button"
                onClick={() => dismiss(notice)}
                aria-label={t('notices.dismissNamed', { title: heading })}
                data-testid={`notice-dismiss-${notice.id}`}
              >
                {t('notices.dismiss')}
              </button>
            </div>
          </article>
        );
      })}
    </section>
  );
}
