import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** How many members are in the lounge right now. */
export function MemberCount() {
  const t = useT();
  // Nearby avatars are all we receive; the head count covers the whole room.
  const count = useLayoverStore((state) => Math.max(state.population, state.members.length));
  return (
    <p className="pill member-count" data-testid="member-count">
      {t('hud.members', { count })}
    </p>
  );
}
