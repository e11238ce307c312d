import { useT } from '../i18n/useT.ts';
import { useLayoverStore } from '../store.ts';

/** How many members are in the lounge right now. */
export function MemberCount() {
  const t = useT();
  const count = useLayoverStore((state) => state.members.length);
  return (
    <p className="pill member-count" data-testid="member-count">
      {t('hud.members', { count })}
    </p>
  );
}
