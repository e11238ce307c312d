import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import './member-count.css';

/** How many members are in the lounge right now; the compact HUD shows a person and the number (the words stay read). */
export function MemberCount() {
  const t = useT();
  // Nearby avatars are all we receive; the head count covers the whole room.
  const count = useLayoverStore((state) => Math.max(state.population, state.members.length));
  return (
    <p className="pill member-count" data-testid="member-count">
      <span className="member-count-words">{t('hud.members', { count })}</span>
      <span className="member-count-short" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="8" cy="5" r="3" fill="currentColor" />
          <path d="M2 15c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z" fill="currentColor" />
        </svg>
        {count}
      </span>
    </p>
  );
}
